import { Button, Checkbox, Group, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';

/** An http(s) address with a host, as the API's URL check accepts it. */
export const isWebAddress = (s: string) => /^https?:\/\/\S+\.\S+/.test(s);

/** The source address and the visibility switch that calls and programmes share. */
export function SourceAndVisibility({
  idPrefix,
  sourceUrl,
  onSourceUrl,
  isPublic,
  onPublic,
  error,
}: {
  idPrefix: string;
  sourceUrl: string;
  onSourceUrl: (v: string) => void;
  isPublic: boolean;
  onPublic: (v: boolean) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        id={`${idPrefix}-sourceUrl`}
        label={t('funding.form.sourceUrl')}
        type="url"
        placeholder="https://"
        value={sourceUrl}
        onChange={(e) => onSourceUrl(e.currentTarget.value)}
        error={error}
      />
      <Checkbox
        label={t('funding.form.public')}
        checked={isPublic}
        onChange={(e) => onPublic(e.currentTarget.checked)}
      />
    </>
  );
}

/** Cancel (back to where the user came from) and Save. */
export function FormFooter({ pending }: { pending: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={() => navigate(-1)}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
