import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import { FormActions, FormModal } from './form-parts';
import type { FieldOfActionNode } from './types';

export interface SavedField {
  id: number;
  name: string;
  reclassifyJobId: number;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Every field with its depth, except `skip` and everything below it (a field cannot sit below itself). */
function parentOptions(nodes: FieldOfActionNode[], skip: number | undefined, depth = 0) {
  const out: Array<{ value: string; label: string }> = [];
  for (const n of nodes) {
    if (n.id === skip) continue;
    out.push({ value: String(n.id), label: `${'– '.repeat(depth)}${n.name}` });
    out.push(...parentOptions(n.children, skip, depth + 1));
  }
  return out;
}

/** Creates a field of action or edits one, with its term rules (one word or phrase per line). */
export function FieldOfActionModal({
  field,
  tree,
  opened,
  onClose,
  onSaved,
}: {
  /** null: a new field */
  field: FieldOfActionNode | null;
  tree: FieldOfActionNode[];
  opened: boolean;
  onClose: () => void;
  onSaved: (saved: SavedField) => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal
      title={field ? t('fields.edit.title', { name: field.name }) : t('fields.new')}
      opened={opened}
      onClose={onClose}
    >
      <FieldForm key={field?.id ?? 'new'} field={field} tree={tree} onCancel={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

function FieldForm({
  field,
  tree,
  onCancel,
  onSaved,
}: {
  field: FieldOfActionNode | null;
  tree: FieldOfActionNode[];
  onCancel: () => void;
  onSaved: (saved: SavedField) => void;
}) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState(field?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(field?.parentId ? String(field.parentId) : null);
  const [description, setDescription] = useState(field?.description ?? '');
  const [terms, setTerms] = useState(field?.rules.terms.join('\n') ?? '');
  const [phrases, setPhrases] = useState(field?.rules.phrases.join('\n') ?? '');
  const [exclusions, setExclusions] = useState(field?.rules.exclusions.join('\n') ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      field
        ? api<SavedField>(`/api/fields-of-action/${field.id}`, {
            method: 'PATCH',
            body: { ...body, version: field.version },
          })
        : api<SavedField>('/api/fields-of-action', { method: 'POST', body }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['directory', 'fields-of-action'] });
      onSaved(saved);
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('fields.nameRequired') });
      document.getElementById('field-name')?.focus();
      return;
    }
    setErrors({});
    save.mutate({
      name: name.trim(),
      parentId: parentId ? Number(parentId) : null,
      description: description.trim() || null,
      rules: { terms: lines(terms), phrases: lines(phrases), exclusions: lines(exclusions) },
    });
  }

  const ruleError = (key: string) =>
    Object.entries(errors).find(([path]) => path.startsWith(`rules.${key}`))?.[1];

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={save.error} />
        <TextInput
          id="field-name"
          label={t('fields.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Select
          label={t('fields.parent')}
          placeholder={t('fields.noParent')}
          clearable
          searchable
          data={parentOptions(tree, field?.id)}
          value={parentId}
          onChange={setParentId}
          error={errors.parentId}
          nothingFoundMessage="—"
        />
        <Textarea
          label={t('org.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <Textarea
          label={t('fields.rules.terms')}
          description={t('fields.rules.termsHint')}
          autosize
          minRows={3}
          maxRows={12}
          value={terms}
          onChange={(e) => setTerms(e.currentTarget.value)}
          error={ruleError('terms')}
        />
        <Textarea
          label={t('fields.rules.phrases')}
          description={t('fields.rules.phrasesHint')}
          autosize
          minRows={2}
          maxRows={12}
          value={phrases}
          onChange={(e) => setPhrases(e.currentTarget.value)}
          error={ruleError('phrases')}
        />
        <Textarea
          label={t('fields.rules.exclusions')}
          description={t('fields.rules.exclusionsHint')}
          autosize
          minRows={2}
          maxRows={12}
          value={exclusions}
          onChange={(e) => setExclusions(e.currentTarget.value)}
          error={ruleError('exclusions')}
        />
        <FormActions onCancel={onCancel} saving={save.isPending} />
      </Stack>
    </form>
  );
}
