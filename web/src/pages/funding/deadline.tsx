import { Text } from '@mantine/core';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { timeSuffix } from './time-zone';

/** Whole days from today (local calendar) to a 'YYYY-MM-DD' date; negative once passed. */
export function daysUntil(day: string, now = new Date()): number {
  const [y, m, d] = day.split('-').map(Number);
  const target = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - today) / 86_400_000);
}

/** A deadline as a <time> element (its zone named when not Berlin's) with the days left beside it. */
export function Deadline({
  day,
  time,
  timeZone,
}: {
  day: string | null;
  time?: string | null;
  timeZone?: string;
}) {
  const { t, lang } = useI18n();
  if (!day) return null;
  const days = daysUntil(day);
  const left =
    days < 0
      ? t('funding.calls.passed')
      : days === 0
        ? t('funding.calls.today')
        : t('funding.calls.daysLeft', { days });
  return (
    <>
      <time dateTime={time ? `${day}T${time}` : day}>
        {formatDate(day, lang)}
        {timeSuffix(time, timeZone, lang)}
      </time>
      <Text component="span" size="sm" c="dimmed" ml={6}>
        ({left})
      </Text>
    </>
  );
}
