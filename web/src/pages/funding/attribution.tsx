import { Anchor, Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';

/** Source link, licence and the attribution line exactly as the source requires it. */
export function Attribution({
  attribution,
  licence,
  sourceUrl,
}: {
  attribution: string | null;
  licence: string | null;
  sourceUrl: string | null;
}) {
  const { t } = useI18n();
  return (
    <>
      {sourceUrl && /^https?:\/\//i.test(sourceUrl) && (
        <Text>
          <Anchor href={sourceUrl} target="_blank" rel="noopener noreferrer">
            {t('funding.call.sourceLink')}
          </Anchor>
        </Text>
      )}
      {attribution && (
        <Text>
          {t('funding.call.attribution')}: <span style={{ whiteSpace: 'pre-wrap' }}>{attribution}</span>
        </Text>
      )}
      {licence && (
        <Text size="sm">
          {t('funding.call.licence')}: {licence}
        </Text>
      )}
    </>
  );
}
