import { Badge, Group, Text } from '@mantine/core';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { useI18n } from '../../lib/i18n';
import { useFieldsOfAction } from './api';
import type { FieldOfActionNode } from './types';

/** The taxonomy as nested lists, each field with the terms that classify documents into it. */
function FieldTree({ nodes, level }: { nodes: FieldOfActionNode[]; level: number }) {
  const { t } = useI18n();
  return (
    <ul className={level === 0 ? 'plain-list field-tree' : 'field-tree'}>
      {nodes.map((f) => {
        const terms = [...f.rules.terms, ...f.rules.phrases];
        return (
          <li key={f.id}>
            <Text fw={level === 0 ? 650 : 500} fz={level === 0 ? 'lg' : 'md'}>
              {f.name}
            </Text>
            {f.description && (
              <Text size="sm" c="dimmed">
                {f.description}
              </Text>
            )}
            {terms.length > 0 && (
              <Group gap={4} mt={4} aria-label={t('fields.terms')} role="group">
                {terms.slice(0, 12).map((term) => (
                  <Badge key={term} variant="light" size="sm" tt="none">
                    {term}
                  </Badge>
                ))}
              </Group>
            )}
            {f.children.length > 0 && <FieldTree nodes={f.children} level={level + 1} />}
          </li>
        );
      })}
    </ul>
  );
}

export function FieldsOfActionPage() {
  const { t } = useI18n();
  const query = useFieldsOfAction();
  return (
    <Page title={t('fields.title')} description={t('fields.description')}>
      <QueryView query={query}>{(data) => <FieldTree nodes={data.items} level={0} />}</QueryView>
    </Page>
  );
}
