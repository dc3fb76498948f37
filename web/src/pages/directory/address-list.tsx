import { Badge, Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { today } from './form-parts';
import { formatRange } from './format-date';
import type { Address } from './types';

/** Valid today: begun (or without a start) and not yet ended. */
function isCurrent(a: Address, now = today()): boolean {
  return (!a.validFrom || a.validFrom <= now) && (!a.validTo || a.validTo >= now);
}

export function AddressList({
  addresses,
  onEdit,
}: {
  addresses: Address[];
  /** given to editors: each address gets an edit button */
  onEdit?: (address: Address) => void;
}) {
  const { t, lang } = useI18n();
  if (addresses.length === 0) return <Text>{t('common.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" className="plain-list">
      {addresses.map((a) => {
        const oneLine = [a.label, a.street, [a.postalCode, a.city].filter(Boolean).join(' ')]
          .filter(Boolean)
          .join(', ');
        return (
          <Paper component="li" key={a.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                {a.label && <Text fw={600}>{a.label}</Text>}
                <Text component="address" fs="normal">
                  {a.street}
                  {a.street && <br />}
                  {[a.postalCode, a.city].filter(Boolean).join(' ')}
                </Text>
              </div>
              {isCurrent(a) && (
                <Badge variant="outline" color="gray.8" size="sm" style={{ flexShrink: 0 }}>
                  {t('member.current')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('address.validity')}:{' '}
              {formatRange(
                { date: a.validFrom, precision: a.validFromPrecision },
                { date: a.validTo, precision: a.validToPrecision },
                lang,
                t,
              ) || t('org.none')}
            </Text>
            {onEdit && (
              <Button
                mt="xs"
                size="compact-sm"
                variant="default"
                aria-label={t('address.editLabel', { address: oneLine })}
                onClick={() => onEdit(a)}
              >
                {t('common.edit')}
              </Button>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
