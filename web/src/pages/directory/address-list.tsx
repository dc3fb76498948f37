import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { formatRange } from './format-date';
import type { Address } from './types';

export function AddressList({ addresses }: { addresses: Address[] }) {
  const { t, lang } = useI18n();
  if (addresses.length === 0) return <Text>{t('common.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" className="plain-list">
      {addresses.map((a) => (
        <Paper component="li" key={a.id} withBorder p="sm">
          {a.label && <Text fw={600}>{a.label}</Text>}
          <Text component="address" fs="normal">
            {a.street}
            {a.street && <br />}
            {[a.postalCode, a.city].filter(Boolean).join(' ')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('address.validity')}:{' '}
            {formatRange(
              { date: a.validFrom, precision: a.validFromPrecision },
              { date: a.validTo, precision: a.validToPrecision },
              lang,
              t,
            ) || t('org.none')}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
