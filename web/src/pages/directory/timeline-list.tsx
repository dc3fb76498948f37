import { Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { formatPreciseDate } from './format-date';
import type { TimelineItem } from './types';

/** The organisation's history as an ordered list; each entry starts with its (as precise as known) date. */
export function TimelineList({ items }: { items: TimelineItem[] }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return <Text>{t('org.noTimeline')}</Text>;
  return (
    <ol className="timeline" aria-label={t('org.timeline')}>
      {items.map((item) => (
        <li key={`${item.ref.type}-${item.ref.id}-${item.kind}`}>
          {item.date ? (
            <Text component="time" dateTime={item.date} size="sm" fw={600} c="petrol.8" display="block">
              {formatPreciseDate(item.date, item.precision, lang)}
            </Text>
          ) : (
            <Text size="sm" fw={600} c="dimmed">
              {t('timeline.undated')}
            </Text>
          )}
          <Text fw={500}>{item.title}</Text>
          {item.description && (
            <Text size="sm" c="dimmed">
              {item.description}
            </Text>
          )}
        </li>
      ))}
    </ol>
  );
}
