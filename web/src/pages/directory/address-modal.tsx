import { Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import { FormActions, FormModal } from './form-parts';
import { PreciseDateField, periodStart } from './precise-date-field';
import type { Address, DatePrecision } from './types';

interface Draft {
  label: string;
  street: string;
  postalCode: string;
  city: string;
  validFrom: string;
  validFromPrecision: DatePrecision;
  validTo: string;
  validToPrecision: DatePrecision;
}

/**
 * Adds an address to an organisation or edits one, with the period it was valid (a move is a new
 * address from the moving date, and the old one valid until the day before).
 */
export function AddressModal({
  organizationId,
  address,
  opened,
  onClose,
}: {
  organizationId: number;
  /** null: a new address */
  address: Address | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal title={t(address ? 'address.edit' : 'address.add')} opened={opened} onClose={onClose}>
      <AddressForm
        key={address?.id ?? 'new'}
        organizationId={organizationId}
        address={address}
        onDone={onClose}
      />
    </FormModal>
  );
}

function AddressForm({
  organizationId,
  address,
  onDone,
}: {
  organizationId: number;
  address: Address | null;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    label: address?.label ?? '',
    street: address?.street ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    validFrom: address?.validFrom ?? '',
    validFromPrecision: address?.validFromPrecision ?? 'day',
    validTo: address?.validTo ?? '',
    validToPrecision: address?.validToPrecision ?? 'day',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const base = `/api/organizations/${organizationId}/addresses`;
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      address
        ? api(`${base}/${address.id}`, { method: 'PATCH', body: { ...body, version: address.version } })
        : api(base, { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      onDone();
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!draft.street.trim() && !draft.city.trim()) next.street = t('address.streetOrCity');
    if (draft.postalCode.trim() && !/^\d{5}$/.test(draft.postalCode.trim()))
      next.postalCode = t('address.postalCodeInvalid');
    if (draft.validFrom && draft.validTo && draft.validTo < draft.validFrom)
      next.validTo = t('member.dateOrder');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.querySelector<HTMLElement>(`[data-field="address-${first}"]`)?.focus();
      return;
    }
    save.mutate({
      label: draft.label.trim() || null,
      street: draft.street.trim() || null,
      postalCode: draft.postalCode.trim() || null,
      city: draft.city.trim() || null,
      validFrom: periodStart(draft.validFrom, draft.validFromPrecision),
      validFromPrecision: draft.validFromPrecision,
      validTo: periodStart(draft.validTo, draft.validToPrecision),
      validToPrecision: draft.validToPrecision,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={save.error} />
        <TextInput
          label={t('address.label')}
          description={t('address.labelHint')}
          value={draft.label}
          onChange={(e) => set('label', e.currentTarget.value)}
          error={errors.label}
          data-autofocus
        />
        <TextInput
          data-field="address-street"
          label={t('address.street')}
          value={draft.street}
          onChange={(e) => set('street', e.currentTarget.value)}
          error={errors.street}
        />
        <Group grow align="flex-start">
          <TextInput
            data-field="address-postalCode"
            label={t('address.postalCode')}
            inputMode="numeric"
            maxLength={5}
            value={draft.postalCode}
            onChange={(e) => set('postalCode', e.currentTarget.value)}
            error={errors.postalCode}
          />
          <TextInput
            label={t('address.city')}
            value={draft.city}
            onChange={(e) => set('city', e.currentTarget.value)}
            error={errors.city}
          />
        </Group>
        <PreciseDateField
          label={t('address.validFrom')}
          precisionLabel={t('address.validFromPrecision')}
          date={draft.validFrom}
          precision={draft.validFromPrecision}
          onDate={(v) => set('validFrom', v)}
          onPrecision={(v) => set('validFromPrecision', v)}
          error={errors.validFrom}
        />
        <PreciseDateField
          field="address-validTo"
          label={t('address.validTo')}
          precisionLabel={t('address.validToPrecision')}
          date={draft.validTo}
          precision={draft.validToPrecision}
          onDate={(v) => set('validTo', v)}
          onPrecision={(v) => set('validToPrecision', v)}
          error={errors.validTo}
        />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
