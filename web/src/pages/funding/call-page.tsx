import { Anchor, Badge, Button, Group, List, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { useAuth } from '../../lib/auth';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { ActivityLog } from './activity-log';
import { Attribution } from './attribution';
import { CallFields } from './call-fields';
import { CallPapers } from './call-papers';
import { useCall } from './calls-api';
import { ChangeHistory } from './change-history';
import { Deadline } from './deadline';
import { PointerForm } from './pointer-form';
import { RoundsTimeline } from './rounds-timeline';
import { SourceText } from './source-text';
import { UnreadableNotice } from './unreadable-notice';
import { WatchButton } from './watch-button';

const eur = (n: number | null, lang: 'de' | 'en') =>
  n === null
    ? null
    : new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }).format(n);

/** One call: details, rounds, text, programme, source and attribution, history, and "watch". */
export function CallPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const office = user?.role === 'admin' || user?.role === 'office';
  const id = Number(useParams().id);
  const query = useCall(id);
  return (
    <QueryView query={query} title={t('funding.call')}>
      {(call) => (
        <Page
          title={call.title}
          before={
            <Anchor component={Link} to="/funding/calls" size="sm">
              {t('funding.call.back')}
            </Anchor>
          }
          actions={
            <>
              {office && call.source === 'manual' && (
                <Button component={Link} to={`/funding/calls/${call.id}/edit`} variant="default">
                  {t('common.edit')}
                </Button>
              )}
              {office && (
                <Button component={Link} to={`/funding/calls/${call.id}/rounds`} variant="default">
                  {t('funding.rounds.edit')}
                </Button>
              )}
              <WatchButton callId={call.id} />
            </>
          }
        >
          <Group gap="xs">
            <Badge variant="outline" color="gray.8">
              {t(`funding.status.${call.status}`)}
            </Badge>
            {call.withdrawnAt && (
              <Badge color="red">
                {t('funding.call.withdrawn', { date: formatDate(call.withdrawnAt.slice(0, 10), lang) })}
              </Badge>
            )}
          </Group>
          <UnreadableNotice unreadable={call.unreadable} />
          <Section title={t('funding.call.details')}>
            <Facts
              items={[
                [
                  t('funding.calls.nextDeadline'),
                  call.nextDeadline ? <Deadline key="deadline" day={call.nextDeadline} /> : null,
                ],
                [
                  t('funding.calls.programme'),
                  call.programmeId && call.programmeTitle ? (
                    <Anchor key="programme" component={Link} to={`/funding/programmes/${call.programmeId}`}>
                      {call.programmeTitle}
                    </Anchor>
                  ) : null,
                ],
                [
                  t('funding.calls.giver'),
                  `${call.giverName ?? ''} (${t(`funding.level.${call.giverLevel}`)})`,
                ],
                [t('funding.calls.applicant'), call.eligibleApplicants.join(', ')],
                [t('funding.calls.region'), call.regions.join(', ')],
                [t('funding.call.budget'), eur(call.budgetEur, lang)],
                [
                  t('funding.call.rate'),
                  call.fundingRatePercent === null ? null : `${call.fundingRatePercent} %`,
                ],
                [t('funding.call.firstSeen'), formatDateTime(call.firstSeenAt, lang)],
                [t('funding.call.lastSeen'), formatDateTime(call.lastSeenAt, lang)],
              ]}
            />
          </Section>
          <Section title={t('funding.fields.title')}>
            <CallFields call={call} office={office} />
          </Section>
          <Section title={t('funding.papers.title')}>
            <CallPapers callId={call.id} />
          </Section>
          <Section title={t('funding.call.rounds')}>
            <RoundsTimeline rounds={call.rounds} />
          </Section>
          {call.text && (
            <Section title={t('funding.call.text')}>
              <SourceText source={call.text} />
            </Section>
          )}
          {call.links.length > 0 && (
            <Section title={t('funding.call.links')}>
              <List>
                {call.links
                  .filter((l) => /^https?:\/\//i.test(l.url))
                  .map((l) => (
                    <List.Item key={l.url}>
                      <Anchor href={l.url} target="_blank" rel="noopener noreferrer">
                        {l.label || l.url}
                      </Anchor>
                    </List.Item>
                  ))}
              </List>
            </Section>
          )}
          <Section title={t('funding.call.source')}>
            <Text>{call.source}</Text>
            <Attribution attribution={call.attribution} licence={call.licence} sourceUrl={call.sourceUrl} />
          </Section>
          {office && (
            <Section title={t('funding.pointer.title')}>
              <PointerForm callId={call.id} />
            </Section>
          )}
          {user && (
            <Section title={t('funding.activity.title')}>
              <ActivityLog callId={call.id} />
            </Section>
          )}
          <Section title={t('funding.call.history')}>
            <ChangeHistory history={call.history} rounds={call.rounds} />
          </Section>
        </Page>
      )}
    </QueryView>
  );
}
