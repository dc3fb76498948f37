import { Text } from '@mantine/core';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Round } from './calls-api';
import { Deadline } from './deadline';

/** The rounds of a call in date order, as an ordered list with machine-readable dates. */
export function RoundsTimeline({ rounds }: { rounds: Round[] }) {
  const { t, lang } = useI18n();
  const sorted = [...rounds].sort((a, b) =>
    (a.deadlineDate ?? a.opensAt ?? '9999').localeCompare(b.deadlineDate ?? b.opensAt ?? '9999'),
  );
  if (sorted.length === 0) return <Text>{t('funding.call.noRounds')}</Text>;
  return (
    <ol style={{ borderLeft: '2px solid var(--mantine-color-gray-5)', margin: 0, paddingLeft: 20 }}>
      {sorted.map((r) => (
        <li key={r.id} style={{ marginBottom: 12 }}>
          {r.label && <Text fw={600}>{r.label}</Text>}
          {r.opensAt && (
            <Text size="sm">
              {t('funding.call.opens')}: <time dateTime={r.opensAt}>{formatDate(r.opensAt, lang)}</time>
            </Text>
          )}
          {r.deadlineDate && (
            <Text size="sm">
              {t('funding.call.deadline')}:{' '}
              <Deadline day={r.deadlineDate} time={r.deadlineTime} timeZone={r.timeZone} />
            </Text>
          )}
          {r.withdrawnAt && (
            <Text size="sm" c="red">
              {t('funding.call.withdrawn', { date: formatDate(r.withdrawnAt.slice(0, 10), lang) })}
            </Text>
          )}
        </li>
      ))}
    </ol>
  );
}
