import { List, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Change, Round } from './calls-api';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(show).join(', ');
  return JSON.stringify(value);
}

/** The change history: first seen, changed fields with before/after, withdrawn, reappeared. */
export function ChangeHistory({ history, rounds = [] }: { history: Change[]; rounds?: Round[] }) {
  const { t, lang } = useI18n();
  // Calls, their programme and their rounds share one history; name which record each entry is about.
  const record = (h: Change) => {
    const round = h.recordType === 'round' ? rounds.find((r) => r.id === h.recordId) : undefined;
    return round?.label ?? t(`funding.record.${h.recordType}`);
  };
  if (history.length === 0) return <Text>{t('funding.call.noHistory')}</Text>;
  return (
    <List listStyleType="none" spacing="sm" p={0}>
      {history.map((h) => {
        const fields = Object.entries(h.changes);
        return (
          <List.Item key={h.id}>
            <Text fw={600}>
              <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time>: {t(`funding.change.kind.${h.kind}`)}{' '}
              – {record(h)}
              {h.actorLabel ? ` (${h.actorLabel})` : ''}
            </Text>
            {fields.length > 0 && (
              <Table.ScrollContainer minWidth={480}>
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('funding.change.field')}</Table.Th>
                      <Table.Th scope="col">{t('funding.change.before')}</Table.Th>
                      <Table.Th scope="col">{t('funding.change.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {fields.map(([field, { before, after }]) => (
                      <Table.Tr key={field}>
                        <Table.Th scope="row">{field}</Table.Th>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{show(before)}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{show(after)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
