import { Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { formatPreciseDate, formatRange } from './format-date';
import type { MembershipDetail } from './types';

/** "seit 1. Juli 2018" and, for a secondment, "abgeordnet von IHK Düsseldorf". */
export function MembershipPeriod({ m }: { m: MembershipDetail }) {
  const { t, lang } = useI18n();
  const range = formatRange(
    { date: m.startDate, precision: m.startPrecision },
    { date: m.endDate, precision: m.endPrecision },
    lang,
    t,
  );
  const from = m.secondedFrom?.shortName ?? m.secondedFrom?.name;
  return (
    <>
      <Text size="sm">{range || t('org.none')}</Text>
      {from && (
        <Text size="sm" c="dimmed">
          {m.secondedSince
            ? t('member.secondedFromSince', {
                org: from,
                date: formatPreciseDate(m.secondedSince, 'day', lang),
              })
            : t('member.secondedFrom', { org: from })}
        </Text>
      )}
    </>
  );
}

export function isCurrent(m: MembershipDetail, today = new Date().toISOString().slice(0, 10)): boolean {
  return !m.endDate || m.endDate >= today;
}
