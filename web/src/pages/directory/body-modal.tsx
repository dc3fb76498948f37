import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import { FormActions, FormModal } from './form-parts';
import type { Body } from './types';

const bodyKinds = ['city', 'district', 'town'] as const;
type BodyKind = (typeof bodyKinds)[number];

/** Creates a body (Gebietskörperschaft) or edits one; the office keeps the region's geography. */
export function BodyModal({
  body,
  districts,
  opened,
  onClose,
}: {
  /** null: a new body */
  body: Body | null;
  /** the Kreise a town can lie in */
  districts: Body[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal
      title={body ? t('body.edit.title', { name: body.name }) : t('body.new')}
      opened={opened}
      onClose={onClose}
    >
      <BodyForm key={body?.id ?? 'new'} body={body} districts={districts} onDone={onClose} />
    </FormModal>
  );
}

/** The lengths the server insists on (AGS 8 digits, ARS 12; a Kreis has its 5-digit key for both). */
function keyError(value: string, kind: BodyKind, full: number, t: (k: string) => string): string | undefined {
  if (!value) return undefined;
  const length = kind === 'district' ? 5 : full;
  if (new RegExp(`^\\d{${length}}$`).test(value)) return undefined;
  return t(kind === 'district' ? 'body.keyDistrict' : full === 8 ? 'body.agsInvalid' : 'body.arsInvalid');
}

function BodyForm({ body, districts, onDone }: { body: Body | null; districts: Body[]; onDone: () => void }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState(body?.name ?? '');
  const [kind, setKind] = useState<BodyKind>(body?.kind ?? 'town');
  const [ags, setAgs] = useState(body?.ags ?? '');
  const [ars, setArs] = useState(body?.ars ?? '');
  const [parentId, setParentId] = useState<string | null>(body?.parentId ? String(body.parentId) : null);
  const [website, setWebsite] = useState(body?.website ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      body
        ? api<Body>(`/api/bodies/${body.id}`, { method: 'PATCH', body: { ...values, version: body.version } })
        : api<Body>('/api/bodies', { method: 'POST', body: values }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      onDone();
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('org.nameRequired');
    const agsError = keyError(ags.trim(), kind, 8, t);
    if (agsError) next.ags = agsError;
    const arsError = keyError(ars.trim(), kind, 12, t);
    if (arsError) next.ars = arsError;
    if (website.trim() && !/^https?:\/\/\S+\.\S+/.test(website.trim()))
      next.website = t('org.websiteInvalid');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`body-${first}`)?.focus();
      return;
    }
    save.mutate({
      name: name.trim(),
      kind,
      ags: ags.trim() || null,
      ars: ars.trim() || null,
      parentId: kind === 'town' && parentId ? Number(parentId) : null,
      website: website.trim() || null,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={save.error} />
        <TextInput
          id="body-name"
          label={t('body.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Group grow align="flex-start">
          <Select
            label={t('body.kind')}
            required
            allowDeselect={false}
            data={bodyKinds.map((k) => ({ value: k, label: t(`bodyKind.${k}`) }))}
            value={kind}
            onChange={(v) => setKind((v as BodyKind | null) ?? 'town')}
            error={errors.kind}
          />
          {kind === 'town' && (
            <Select
              id="body-parentId"
              label={t('body.parent')}
              clearable
              data={districts
                .filter((d) => d.id !== body?.id)
                .map((d) => ({ value: String(d.id), label: d.name }))}
              value={parentId}
              onChange={setParentId}
              error={errors.parentId}
            />
          )}
        </Group>
        <Group grow align="flex-start">
          <TextInput
            id="body-ags"
            label={t('body.agsLong')}
            description={t(kind === 'district' ? 'body.keyDistrictHint' : 'body.agsHint')}
            inputMode="numeric"
            value={ags}
            onChange={(e) => setAgs(e.currentTarget.value)}
            error={errors.ags}
          />
          <TextInput
            id="body-ars"
            label={t('body.arsLong')}
            description={t(kind === 'district' ? 'body.keyDistrictHint' : 'body.arsHint')}
            inputMode="numeric"
            value={ars}
            onChange={(e) => setArs(e.currentTarget.value)}
            error={errors.ars}
          />
        </Group>
        <TextInput
          id="body-website"
          label={t('org.website')}
          type="url"
          placeholder="https://"
          value={website}
          onChange={(e) => setWebsite(e.currentTarget.value)}
          error={errors.website}
        />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
