import { Badge, Progress, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';

interface Job {
  id: number;
  type: string;
  status: string;
  progress_done: number;
  progress_total: number | null;
  progress_message: string | null;
  error: string | null;
}

const statusColor: Record<string, string> = { failed: 'red.8', running: 'petrol.7', queued: 'gray.8' };

export function JobsPage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['admin']} title={t('jobs.title')}>
      <JobList />
    </RequireRole>
  );
}

function JobList() {
  const { t } = useI18n();
  // Running jobs move: poll while the page is open.
  const query = useQuery({
    queryKey: ['admin', 'jobs'],
    queryFn: () => api<{ items: Job[] }>('/api/jobs'),
    refetchInterval: 5000,
  });
  const statusLabel = (s: string) =>
    t(`jobs.status.${s}`) === `jobs.status.${s}` ? s : t(`jobs.status.${s}`);
  return (
    <Page title={t('jobs.title')} description={t('jobs.description')}>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('common.none')}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('jobs.id')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.type')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.status')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((job) => {
                  const pct = job.progress_total
                    ? Math.round((100 * job.progress_done) / job.progress_total)
                    : null;
                  return (
                    <Table.Tr key={job.id}>
                      <Table.Td>{job.id}</Table.Td>
                      <Table.Td>
                        <code>{job.type}</code>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={statusColor[job.status] ?? 'green.9'}>
                          {statusLabel(job.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td miw={200}>
                        {pct !== null && (
                          <Progress value={pct} aria-label={`${t('jobs.progress')} ${job.type}`} mb={4} />
                        )}
                        <Text size="sm">
                          {job.progress_done}
                          {job.progress_total ? ` / ${job.progress_total}` : ''}
                          {job.progress_message ? ` – ${job.progress_message}` : ''}
                        </Text>
                        {job.error && (
                          <Text size="sm" c="red.8">
                            {t('jobs.error')}: {job.error}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryView>
    </Page>
  );
}
