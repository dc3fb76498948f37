import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { canEditRecord, useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { usePerson } from './api';
import { MembershipPeriod } from './membership-period';
import type { PersonDetail } from './types';

export function PersonPage() {
  const id = Number(useParams().id);
  const query = usePerson(id);
  const { t } = useI18n();
  return (
    <QueryView query={query} title={t('nav.people')}>
      {(person) => <PersonView person={person} />}
    </QueryView>
  );
}

function PersonView({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <Page
      title={person.name}
      actions={
        canEditRecord(user, person.ownerOrganizationId) && (
          <Button component={Link} to={`/people/${person.id}/edit`} variant="default">
            {t('common.edit')}
          </Button>
        )
      }
      before={
        <Anchor component={Link} to="/people" size="sm">
          ← {t('nav.people')}
        </Anchor>
      }
    >
      <Section title={t('org.details')}>
        <Facts
          items={[
            [
              t('person.email'),
              person.email && <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>,
            ],
            [t('person.phone'), person.phone],
            [t('person.note'), person.note],
            [t('org.source'), person.source],
          ]}
        />
      </Section>
      <Section title={t('person.memberships')}>
        {person.memberships.length === 0 ? (
          <Text>{t('common.none')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.organization')}</Table.Th>
                <Table.Th scope="col">{t('member.role')}</Table.Th>
                <Table.Th scope="col">{t('member.period')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.memberships.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/organizations/${m.organization.id}`}>
                      {m.organization.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.role}</Table.Td>
                  <Table.Td>
                    <MembershipPeriod m={m} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Page>
  );
}
