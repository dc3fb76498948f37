import { Alert, Button, Code, Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { Section } from '../../components/section';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAddSource, useQuarantine, useSources, useStartSync } from './api';

export function SourcesPage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['admin', 'office']} title={t('nav.councilSources')}>
      <SourcesView />
    </RequireRole>
  );
}

function SourcesView() {
  const { t, lang } = useI18n();
  const sources = useSources();
  const quarantine = useQuarantine();
  const add = useAddSource();
  const sync = useStartSync();
  const [url, setUrl] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(url, { onSuccess: () => setUrl('') });
  };
  return (
    <Page title={t('nav.councilSources')} description={t('council.sources.description')}>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('council.sources.url')}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            type="url"
            required
            w={420}
          />
          <Button type="submit" loading={add.isPending}>
            {t('council.sources.add')}
          </Button>
        </Group>
      </form>
      {add.isError && <ApiErrorAlert error={add.error} />}
      {sync.isSuccess && (
        <Alert role="status" color="green">
          {t('council.sources.started', { id: sync.data.jobId })}
        </Alert>
      )}
      <QueryView query={sources}>
        {({ items }) => (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('council.sources.url')}</Table.Th>
                <Table.Th scope="col">{t('council.sources.status')}</Table.Th>
                <Table.Th scope="col">{t('council.sources.counts')}</Table.Th>
                <Table.Th scope="col">{t('council.sources.errors')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('council.sources.sync')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text>{s.name ?? s.systemUrl}</Text>
                    <Text size="sm" c="dimmed">
                      {s.systemUrl}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {s.lastSyncStatus ?? '–'} {formatDateTime(s.lastSyncFinishedAt, lang)}
                  </Table.Td>
                  <Table.Td>
                    {t('council.papers')}: {s.counts.Paper ?? 0}, {t('council.meetings')}:{' '}
                    {s.counts.Meeting ?? 0}
                  </Table.Td>
                  <Table.Td>
                    {s.errorCount} / {t('council.quarantine')}: {s.quarantined}
                    {s.lastError && (
                      <Text size="sm" c="dimmed">
                        {s.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => sync.mutate(s.id)}
                      loading={sync.isPending}
                    >
                      {t('council.sources.sync')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      <Section title={t('council.quarantine')}>
        <Text c="dimmed">{t('council.quarantine.description')}</Text>
        <QueryView query={quarantine}>
          {({ items }) => (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('council.quarantine.reason')}</Table.Th>
                  <Table.Th scope="col">{t('council.quarantine.object')}</Table.Th>
                  <Table.Th scope="col">{t('council.quarantine.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>{q.reason}</Table.Td>
                    <Table.Td>
                      <Code>{(q.objectId ?? q.listUrl ?? q.raw).slice(0, 160)}</Code>
                    </Table.Td>
                    <Table.Td>{q.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryView>
      </Section>
    </Page>
  );
}
