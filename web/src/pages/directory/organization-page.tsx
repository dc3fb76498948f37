import { Anchor, Button, Grid, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { canEditRecord, useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { NotFoundPage } from '../../shell/not-found-page';
import { AddEventModal } from './add-event-modal';
import { AddressList } from './address-list';
import { AddressModal } from './address-modal';
import { useOrganization } from './api';
import { MembersTable } from './members-table';
import { RelationsSection } from './relations-section';
import { TimelineList } from './timeline-list';
import type { Address, OrganizationDetail } from './types';

export function OrganizationPage() {
  const id = Number(useParams().id);
  const query = useOrganization(id);
  const { t } = useI18n();
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return (
    <QueryView query={query} title={t('nav.organizations')}>
      {(org) => <OrganizationView org={org} />}
    </QueryView>
  );
}

function OrganizationView({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const { user } = useAuth();
  // As on the server: a record without an owner belongs to the organisation itself.
  const editable = canEditRecord(user, org.ownerOrganizationId ?? org.id);
  const [addingEvent, setAddingEvent] = useState(false);
  // undefined: closed; null: a new address; else the address being edited
  const [addressDialog, setAddressDialog] = useState<Address | null | undefined>(undefined);
  return (
    <Page
      title={org.name}
      description={org.description}
      before={
        <Anchor component={Link} to="/organizations" size="sm">
          ← {t('nav.organizations')}
        </Anchor>
      }
      actions={
        editable && (
          <>
            <Button component={Link} to={`/organizations/${org.id}/edit`} variant="default">
              {t('common.edit')}
            </Button>
            <Button component={Link} to={`/organizations/${org.id}/memberships/new`}>
              {t('member.add')}
            </Button>
          </>
        )
      }
    >
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title={t('org.details')}>
            <Facts
              items={[
                [t('org.shortName'), org.shortName],
                [t('org.kind'), t(`kind.${org.kind}`)],
                [
                  t('org.parent'),
                  org.parent && (
                    <Anchor component={Link} to={`/organizations/${org.parent.id}`}>
                      {org.parent.name}
                    </Anchor>
                  ),
                ],
                [
                  t('org.body'),
                  org.body && `${org.body.name}${org.body.ags ? ` (AGS ${org.body.ags})` : ''}`,
                ],
                [
                  t('org.website'),
                  org.website && (
                    <Anchor href={org.website} rel="noopener noreferrer">
                      {org.website}
                    </Anchor>
                  ),
                ],
                [
                  t('org.visibility'),
                  t(org.isPublic ? 'org.visibility.public' : 'org.visibility.restricted'),
                ],
                [t('org.source'), org.source],
              ]}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title={t('org.children')}>
            {org.children.length === 0 ? (
              <Text>{t('common.none')}</Text>
            ) : (
              <ul>
                {org.children.map((c) => (
                  <li key={c.id}>
                    <Anchor component={Link} to={`/organizations/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </Grid.Col>
      </Grid>
      <Section title={t('org.members')}>
        <MembersTable memberships={org.memberships} editable={editable} />
      </Section>
      <RelationsSection
        organizationId={org.id}
        relations={org.relations}
        editable={user?.role === 'admin' || user?.role === 'office'}
      />
      <Section
        title={t('org.addresses')}
        actions={
          editable && (
            <Button variant="default" size="sm" onClick={() => setAddressDialog(null)}>
              {t('address.add')}
            </Button>
          )
        }
      >
        <AddressList addresses={org.addresses} onEdit={editable ? setAddressDialog : undefined} />
      </Section>
      <Section
        title={t('org.timeline')}
        actions={
          editable && (
            <Button variant="default" size="sm" onClick={() => setAddingEvent(true)}>
              {t('event.add')}
            </Button>
          )
        }
      >
        <TimelineList items={org.timeline} />
      </Section>
      {editable && (
        <>
          <AddEventModal organizationId={org.id} opened={addingEvent} onClose={() => setAddingEvent(false)} />
          <AddressModal
            organizationId={org.id}
            address={addressDialog ?? null}
            opened={addressDialog !== undefined}
            onClose={() => setAddressDialog(undefined)}
          />
        </>
      )}
    </Page>
  );
}
