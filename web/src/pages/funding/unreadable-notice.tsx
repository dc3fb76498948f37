import { Alert } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

export interface Unreadable {
  at: string;
  reason: string;
  importRunId: number | null;
}

/** The source still lists the record but the latest import could not read it: the last good state is shown. */
export function UnreadableNotice({ unreadable }: { unreadable: Unreadable | null | undefined }) {
  const { t, lang } = useI18n();
  if (!unreadable) return null;
  return (
    <Alert color="yellow" title={t('funding.unreadable.title')}>
      {t('funding.unreadable.text', { date: formatDateTime(unreadable.at, lang), reason: unreadable.reason })}
    </Alert>
  );
}
