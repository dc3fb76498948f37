import { Alert, Button, FileInput, Group, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { Section } from '../../components/section';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { officeRoles } from './call-form-page';

interface ImportOutcome {
  jobId: number;
  status: string;
  progressDone: number;
  progressTotal: number | null;
  progressMessage: string | null;
  error: string | null;
  result: {
    importer: string;
    counts: Partial<Record<(typeof countKeys)[number], number>>;
    notes: string[];
    rowErrors: Array<{ row: number; column: string; reason: string; reasonDe: string }>;
    records: number;
    seconds: number;
  } | null;
}

interface QuarantineItem {
  id: number;
  source: string;
  file: string;
  recordKey: string;
  reason: string;
  lastSeenAt: string;
  count: number;
}

const countKeys = [
  'new',
  'changed',
  'unchanged',
  'reappeared',
  'withdrawn',
  'rejected',
  'unreadable',
] as const;
const LIMIT = 25;

/** Upload a funding source; the import runs as a job whose progress and outcome the page follows. */
export function ImportPage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={[...officeRoles]} title={t('funding.import.title')}>
      <ImportView />
    </RequireRole>
  );
}

function ImportView() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [list, setList] = useState('');
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (input: { file: File; list: string }) => {
      const form = new FormData();
      // The server reads the fields sent before the file, so the list name goes first.
      if (input.list.trim()) form.append('list', input.list.trim());
      form.append('file', input.file);
      return api<{ jobId: number; fileName: string }>('/api/funding/import', { method: 'POST', form });
    },
  });
  const jobId = upload.data?.jobId;
  const outcome = useQuery({
    queryKey: ['funding', 'import', jobId],
    queryFn: () => api<ImportOutcome>(`/api/funding/import/${jobId}`),
    enabled: jobId !== undefined,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
  const finished = outcome.data?.status === 'done' || outcome.data?.status === 'failed';
  const [seen, setSeen] = useState<number | null>(null);
  if (finished && jobId !== undefined && seen !== jobId) {
    setSeen(jobId);
    void queryClient.invalidateQueries({ queryKey: ['funding', 'quarantine'] });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      document.getElementById('import-file')?.focus();
      return;
    }
    setMissing(false);
    upload.mutate({ file, list });
  }
  return (
    <Page title={t('funding.import.title')} description={t('funding.import.description')}>
      <Section title={t('funding.import.template')}>
        <Text>{t('funding.import.templateHint')}</Text>
        <Group>
          <Button component="a" href="/api/funding/template.csv" variant="default" download>
            {t('funding.import.templateCsv')}
          </Button>
          <Button component="a" href="/api/funding/template.xlsx" variant="default" download>
            {t('funding.import.templateXlsx')}
          </Button>
        </Group>
      </Section>
      <Section title={t('funding.import.upload')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" maw={560}>
            <FileInput
              id="import-file"
              label={t('funding.import.file')}
              description={t('funding.import.fileHint')}
              required
              clearable
              clearButtonProps={{ 'aria-label': t('funding.import.clear') }}
              accept=".zip,.json,.csv,.xlsx,.xml"
              value={file}
              onChange={(f) => {
                setFile(f);
                if (f) setMissing(false);
              }}
              error={missing ? t('funding.import.fileRequired') : undefined}
            />
            <TextInput
              label={t('funding.import.list')}
              description={t('funding.import.listHint')}
              value={list}
              onChange={(e) => setList(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={upload.isPending}>
                {t('funding.import.submit')}
              </Button>
            </Group>
            <ApiErrorAlert error={upload.error} />
          </Stack>
        </form>
        {outcome.data && <Outcome outcome={outcome.data} fileName={upload.data?.fileName ?? ''} />}
      </Section>
      <Section title={t('funding.import.quarantine')}>
        <Quarantine />
      </Section>
    </Page>
  );
}

function Outcome({ outcome, fileName }: { outcome: ImportOutcome; fileName: string }) {
  const { t, lang } = useI18n();
  if (outcome.status === 'failed')
    return (
      <Alert color="red" role="alert" title={t('funding.import.failed', { file: fileName })}>
        {outcome.error}
      </Alert>
    );
  if (outcome.status !== 'done' || !outcome.result) {
    const pct = outcome.progressTotal
      ? Math.round((outcome.progressDone / outcome.progressTotal) * 100)
      : null;
    return (
      <Stack gap="xs" role="status" mt="md">
        <Text>{t('funding.import.running', { file: fileName })}</Text>
        {pct !== null && <Progress value={pct} aria-label={t('funding.import.progress')} />}
        <Text size="sm" c="dimmed">
          {outcome.progressDone}
          {outcome.progressTotal ? ` / ${outcome.progressTotal}` : ''} {outcome.progressMessage ?? ''}
        </Text>
      </Stack>
    );
  }
  const r = outcome.result;
  return (
    <Stack gap="sm" mt="md">
      <Alert color={r.counts.rejected ? 'yellow' : 'green'} role="status">
        <Text fw={600}>{t('funding.import.done', { file: fileName })}</Text>
        <Text>
          {t('funding.import.summary', {
            importer: r.importer,
            records: r.records,
            seconds: r.seconds.toFixed(1),
          })}
        </Text>
      </Alert>
      <Table withTableBorder maw={560}>
        <Table.Caption>{t('funding.import.counts')}</Table.Caption>
        <Table.Tbody>
          {countKeys.map((k) => (
            <Table.Tr key={k}>
              <Table.Th scope="row">{t(`funding.import.count.${k}`)}</Table.Th>
              <Table.Td>{r.counts[k] ?? 0}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {r.notes.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('funding.import.notes')}</Text>
          {r.notes.map((n) => (
            <Text key={n} size="sm">
              {n}
            </Text>
          ))}
        </Stack>
      )}
      {r.rowErrors.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t('funding.import.rowErrors')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.import.row')}</Table.Th>
                <Table.Th scope="col">{t('funding.import.column')}</Table.Th>
                <Table.Th scope="col">{t('funding.import.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.rowErrors.map((e) => (
                <Table.Tr key={`${e.row}-${e.column}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{lang === 'de' ? e.reasonDe : e.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function Quarantine() {
  const { t, lang } = useI18n();
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: ['funding', 'quarantine', offset],
    queryFn: () =>
      api<{ items: QuarantineItem[]; total: number }>(
        `/api/funding/quarantine?limit=${LIMIT}&offset=${offset}`,
      ),
  });
  return (
    <QueryView query={query}>
      {(data) =>
        data.items.length === 0 ? (
          <Text>{t('funding.import.quarantineEmpty')}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t('common.results', { count: data.total })}</Text>
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funding.import.fileColumn')}</Table.Th>
                    <Table.Th scope="col">{t('funding.import.record')}</Table.Th>
                    <Table.Th scope="col">{t('funding.import.reason')}</Table.Th>
                    <Table.Th scope="col">{t('funding.import.lastSeen')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((q) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>
                        {q.file}
                        <Text size="xs" c="dimmed">
                          {q.source}
                        </Text>
                      </Table.Td>
                      <Table.Td>{q.recordKey}</Table.Td>
                      <Table.Td>{q.reason}</Table.Td>
                      <Table.Td>
                        {formatDateTime(q.lastSeenAt, lang)}
                        {q.count > 1 ? ` (${q.count}×)` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager total={data.total} offset={offset} limit={LIMIT} onChange={setOffset} />
          </Stack>
        )
      }
    </QueryView>
  );
}
