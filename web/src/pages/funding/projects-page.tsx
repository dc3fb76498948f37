import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { canEditRecord, useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useProjects } from './matching-api';

/** Project profiles the user may see, each with its matching calls; office and partners add them. */
export function ProjectsPage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['admin', 'office', 'partner', 'reader']} title={t('funding.projects.title')}>
      <ProjectList />
    </RequireRole>
  );
}

function ProjectList() {
  const { t } = useI18n();
  const { user } = useAuth();
  const query = useProjects();
  const mayCreate = user?.role !== 'reader';
  return (
    <Page
      title={t('funding.projects.title')}
      description={t('funding.projects.description')}
      actions={
        mayCreate && (
          <Button component={Link} to="/funding/projects/new">
            {t('funding.projects.new')}
          </Button>
        )
      }
    >
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('funding.projects.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funding.projects.name')}</Table.Th>
                    <Table.Th scope="col">{t('funding.calls.fieldOfAction')}</Table.Th>
                    <Table.Th scope="col">{t('funding.profile.applicantType')}</Table.Th>
                    <Table.Th scope="col">{t('funding.projects.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Th scope="row">{p.title}</Table.Th>
                      <Table.Td>{p.fieldsOfAction.join(', ')}</Table.Td>
                      <Table.Td>{p.applicantType}</Table.Td>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Anchor
                            component={Link}
                            to={`/funding/projects/${p.id}/matches`}
                            aria-label={t('funding.projects.matchesOf', { name: p.title })}
                          >
                            {t('funding.matches.title')}
                          </Anchor>
                          {canEditRecord(user, p.ownerOrganizationId) && (
                            <Anchor
                              component={Link}
                              to={`/funding/projects/${p.id}/edit`}
                              aria-label={t('funding.projects.editOf', { name: p.title })}
                            >
                              {t('common.edit')}
                            </Anchor>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Page>
  );
}
