import { Anchor, Badge, Group } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { allowed, useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { usePlannerBody } from './api';
import { CalendarSection } from './calendar-section';
import { SequencesSection } from './sequences-section';
import { SettingsSection } from './settings-section';

/** A body's planner records: lead days and threshold, usual sequences, meeting calendar. */
export function PlannerBodyPage() {
  const { t } = useI18n();
  return (
    <RequireRole title={t('planner.title')}>
      <BodyContent id={Number(useParams().id)} />
    </RequireRole>
  );
}

function BodyContent({ id }: { id: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const office = allowed(user, ['admin', 'office']);
  const query = usePlannerBody(id);
  return (
    <QueryView query={query} title={t('planner.title')}>
      {(body) => {
        const illustrative = body.committees.some((c) => c.illustrative);
        return (
          <Page
            title={body.name}
            description={illustrative ? t('planner.illustrative.body') : undefined}
            before={
              <Anchor component={Link} to="/planner" size="sm">
                ← {t('planner.bodyPage.back')}
              </Anchor>
            }
            actions={
              illustrative ? (
                <Group>
                  <Badge variant="outline" color="grape.9">
                    {t('planner.illustrative')}
                  </Badge>
                </Group>
              ) : undefined
            }
          >
            <SettingsSection body={body} editable={office} />
            <SequencesSection body={body} editable={office} />
            <CalendarSection body={body} editable={office} />
          </Page>
        );
      }}
    </QueryView>
  );
}
