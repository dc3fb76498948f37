import { Anchor, Group } from '@mantine/core';
import { useI18n } from '../../lib/i18n';

/** Every figure traces back to its record: the OParl object and, where given, its web page. */
export function SourceLinks({ sourceUrl, webUrl }: { sourceUrl: string; webUrl: string | null }) {
  const { t } = useI18n();
  return (
    <Group gap="md">
      <Anchor href={sourceUrl} target="_blank" rel="noopener noreferrer" size="sm">
        {t('council.source')}
      </Anchor>
      {webUrl && (
        <Anchor href={webUrl} target="_blank" rel="noopener noreferrer" size="sm">
          {t('council.web')}
        </Anchor>
      )}
    </Group>
  );
}
