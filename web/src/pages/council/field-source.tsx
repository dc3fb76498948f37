import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import type { FieldSource } from './types';

const key: Record<FieldSource, string> = {
  oparl: 'council.fieldSource.oparl',
  text: 'council.fieldSource.text',
  'oparl+text': 'council.fieldSource.both',
};

/** A small mark naming where a paper field comes from (OParl record or the Vorlage text). */
export function FieldSourceMark({ source }: { source: FieldSource | null | undefined }) {
  const { t } = useI18n();
  if (!source) return null;
  const name = t(key[source]);
  return (
    <Badge
      component="span"
      size="xs"
      variant="default"
      tt="none"
      fw={500}
      ml="xs"
      title={t('council.fieldSource.label', { source: name })}
    >
      {name}
    </Badge>
  );
}

/** A value with its source mark; nothing when the value is empty. */
export function sourced(value: ReactNode, source: FieldSource | null | undefined): ReactNode {
  if (value === null || value === undefined || value === '') return value;
  return (
    <>
      {value}
      <FieldSourceMark source={source} />
    </>
  );
}
