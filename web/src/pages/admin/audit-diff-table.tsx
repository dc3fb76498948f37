import { Table, Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { diffSnapshots } from './audit-diff';

/** Before/after of one audit entry, one row per changed field. */
export function AuditDiffTable({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const changes = diffSnapshots(before, after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <Table className="diff-table" withRowBorders={false} verticalSpacing={2}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.field')}</Table.Th>
          <Table.Th scope="col">{t('audit.before')}</Table.Th>
          <Table.Th scope="col">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Th scope="row" fw={500}>
              {c.field}
            </Table.Th>
            <Table.Td>{c.before && <del className="diff-old">{c.before}</del>}</Table.Td>
            <Table.Td>{c.after && <ins className="diff-new">{c.after}</ins>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
