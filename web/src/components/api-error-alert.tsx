import { Alert, Button, Text } from '@mantine/core';
import { ApiError } from '../lib/api';
import { errorMessage } from '../lib/error-message';
import { useI18n } from '../lib/i18n';

/** A failed write: the API's message in the current language; a conflict offers to reload. */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <Alert color="red" title={title ?? t('common.error')} role="alert">
      <Text>{errorMessage(error, lang, t)}</Text>
      {conflict && (
        <Button mt="sm" variant="default" size="xs" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      )}
    </Alert>
  );
}
