import { Button, Group, Text } from '@mantine/core';
import { useI18n } from '../lib/i18n';

/** Previous/next paging for offset-based lists. */
export function Pager({
  total,
  offset,
  limit,
  onChange,
}: {
  total: number;
  offset: number;
  limit: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useI18n();
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <Group gap="sm" component="nav" aria-label={t('common.page', { page: `${page}/${pages}` })}>
      <Button variant="default" size="xs" disabled={offset === 0} onClick={() => onChange(offset - limit)}>
        {t('common.previous')}
      </Button>
      <Text size="sm">
        {page} / {pages}
      </Text>
      <Button
        variant="default"
        size="xs"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('common.next')}
      </Button>
    </Group>
  );
}
