import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/error-message';
import { useI18n } from '../lib/i18n';
import { Page } from './page';

/** Renders a query's loading and error states, and its data through `children` once it is there. */
export function QueryView<T>({
  query,
  title,
  children,
}: {
  query: UseQueryResult<T>;
  /** when the data renders the page itself: the page title to show while loading or failing */
  title?: string;
  children: (data: T) => ReactNode;
}) {
  const { t, lang } = useI18n();
  let state: ReactNode = null;
  if (query.isPending) {
    state = (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text>{t('common.loading')}</Text>
      </Group>
    );
  } else if (query.isError) {
    state = <ErrorAlert error={query.error} onRetry={() => query.refetch()} lang={lang} t={t} />;
  } else {
    return <>{children(query.data)}</>;
  }
  return title ? <Page title={title}>{state}</Page> : state;
}

function ErrorAlert({
  error,
  onRetry,
  lang,
  t,
}: {
  error: unknown;
  onRetry: () => void;
  lang: 'de' | 'en';
  t: (key: string) => string;
}) {
  return (
    <Alert color="red" title={t('common.error')} role="alert">
      <Text mb="sm">{errorMessage(error, lang, t)}</Text>
      <Button variant="default" size="xs" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
