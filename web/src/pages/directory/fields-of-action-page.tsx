import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useFieldsOfAction } from './api';
import { FieldOfActionModal, type SavedField } from './field-of-action-modal';
import { ReclassifyStatus } from './reclassify-status';
import type { FieldOfActionNode } from './types';

const ruleKinds = ['terms', 'phrases', 'exclusions'] as const;

/** One list of a field's rules, complete: a reader must see every term that classifies. */
function RuleList({ field, kind }: { field: FieldOfActionNode; kind: (typeof ruleKinds)[number] }) {
  const { t } = useI18n();
  const items = field.rules[kind];
  if (items.length === 0) return null;
  const label = t(`fields.rules.${kind}.short`);
  return (
    <Group gap={4} mt={4} align="center">
      <Text size="sm" fw={600} component="span">
        {label}:
      </Text>
      <Group gap={4} role="list" aria-label={t('fields.rulesOf', { kind: label, name: field.name })}>
        {items.map((term) => (
          <Badge
            key={term}
            role="listitem"
            variant={kind === 'exclusions' ? 'outline' : 'light'}
            color={kind === 'exclusions' ? 'red.9' : undefined}
            size="sm"
            tt="none"
          >
            {kind === 'exclusions' ? `– ${term}` : term}
          </Badge>
        ))}
      </Group>
    </Group>
  );
}

/** The taxonomy as nested lists, each field with all its term rules; the office edits them here. */
function FieldTree({
  nodes,
  level,
  onEdit,
}: {
  nodes: FieldOfActionNode[];
  level: number;
  onEdit?: (field: FieldOfActionNode) => void;
}) {
  const { t } = useI18n();
  return (
    <ul className={level === 0 ? 'plain-list field-tree' : 'field-tree'}>
      {nodes.map((f) => (
        <li key={f.id}>
          <Group gap="sm" align="center">
            <Text fw={level === 0 ? 650 : 500} fz={level === 0 ? 'lg' : 'md'}>
              {f.name}
            </Text>
            {onEdit && (
              <Button
                size="compact-sm"
                variant="default"
                aria-label={t('fields.editLabel', { name: f.name })}
                onClick={() => onEdit(f)}
              >
                {t('common.edit')}
              </Button>
            )}
          </Group>
          {f.description && (
            <Text size="sm" c="dimmed">
              {f.description}
            </Text>
          )}
          {ruleKinds.map((kind) => (
            <RuleList key={kind} field={f} kind={kind} />
          ))}
          {f.children.length > 0 && <FieldTree nodes={f.children} level={level + 1} onEdit={onEdit} />}
        </li>
      ))}
    </ul>
  );
}

export function FieldsOfActionPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const query = useFieldsOfAction();
  // As on the server: only the office (and admins) keep the taxonomy.
  const editable = user?.role === 'admin' || user?.role === 'office';
  // undefined: closed; null: a new field; else the field being edited
  const [dialog, setDialog] = useState<FieldOfActionNode | null | undefined>(undefined);
  const [saved, setSaved] = useState<SavedField | null>(null);
  return (
    <Page
      title={t('fields.title')}
      description={t('fields.description')}
      actions={editable && <Button onClick={() => setDialog(null)}>{t('fields.new')}</Button>}
    >
      {saved && <ReclassifyStatus key={saved.reclassifyJobId} saved={saved} />}
      <QueryView query={query}>
        {(data) => (
          <>
            <FieldTree nodes={data.items} level={0} onEdit={editable ? setDialog : undefined} />
            {editable && (
              <FieldOfActionModal
                field={dialog ?? null}
                tree={data.items}
                opened={dialog !== undefined}
                onClose={() => setDialog(undefined)}
                onSaved={(s) => {
                  setDialog(undefined);
                  setSaved(s);
                }}
              />
            )}
          </>
        )}
      </QueryView>
    </Page>
  );
}
