import { Card, List, Text, Title } from '@mantine/core';
import { QueryView } from '../../components/query-view';
import { useI18n } from '../../lib/i18n';
import { usePointers } from './api';

/** Dashboard card: calls the office pointed out to the user's organisation. */
export function PointersWidget() {
  const { t } = useI18n();
  const query = usePointers();
  return (
    <Card withBorder>
      <Title order={2} fz="lg">
        {t('funding.pointers.title')}
      </Title>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm">{t('funding.pointers.empty')}</Text>
          ) : (
            <List>
              {data.items.slice(0, 8).map((p) => (
                <List.Item key={p.id}>
                  <Text fw={600}>{p.callTitle}</Text>
                  {p.note && <Text size="sm">{p.note}</Text>}
                  <Text size="xs" c="dimmed">
                    {t('funding.pointers.from', { who: p.createdBy, date: p.createdAt.slice(0, 10) })}
                  </Text>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryView>
    </Card>
  );
}
