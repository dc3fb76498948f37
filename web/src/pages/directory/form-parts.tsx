import { Button, Group, Modal, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../../lib/i18n';

/**
 * A dialog holding one form. The form is mounted only while open, so each opening starts from
 * the record it edits; the modal itself stays, so focus returns to the button that opened it.
 */
export function FormModal({
  title,
  opened,
  onClose,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && children}
    </Modal>
  );
}

/** Cancel and save, at the end of a form. */
export function FormActions({
  onCancel,
  saving,
  submitLabel,
}: {
  onCancel: () => void;
  saving: boolean;
  /** default: "Speichern" / "Save" */
  submitLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}

/** A search landmark with one search field; submitting hands over the trimmed query. */
export function SearchForm({
  label,
  placeholder,
  initial,
  onSearch,
}: {
  label: string;
  placeholder: string;
  initial: string;
  onSearch: (q: string) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(draft.trim());
  }
  return (
    <search aria-label={label}>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={label}
            placeholder={placeholder}
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            w={{ base: '100%', sm: 320 }}
          />
          <Button type="submit" variant="default">
            {t('org.searchSubmit')}
          </Button>
        </Group>
      </form>
    </search>
  );
}

/** Today as YYYY-MM-DD (UTC), the default end date of an ending form. */
export const today = () => new Date().toISOString().slice(0, 10);
