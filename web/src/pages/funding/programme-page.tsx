import { Anchor, Button, List, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { Attribution } from './attribution';
import { useProgramme } from './calls-api';
import { ChangeHistory } from './change-history';
import { Deadline } from './deadline';
import { SourceText } from './source-text';
import { UnreadableNotice } from './unreadable-notice';

/** One programme: facts, its text as given by the source, the attribution line, its calls and its history. */
export function ProgrammePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const office = user?.role === 'admin' || user?.role === 'office';
  const id = Number(useParams().id);
  const query = useProgramme(id);
  return (
    <QueryView query={query} title={t('funding.calls.programme')}>
      {(p) => (
        <Page
          title={p.title}
          actions={
            office &&
            p.source === 'manual' && (
              <Button component={Link} to={`/funding/programmes/${p.id}/edit`} variant="default">
                {t('common.edit')}
              </Button>
            )
          }
          before={
            <Anchor component={Link} to="/funding/calls" size="sm">
              {t('funding.call.back')}
            </Anchor>
          }
        >
          <UnreadableNotice unreadable={p.unreadable} />
          <Section title={t('funding.call.details')}>
            <Facts
              items={[
                [t('funding.calls.giver'), `${p.giverName ?? ''} (${t(`funding.level.${p.giverLevel}`)})`],
                [t('funding.programme.types'), p.fundingTypes.join(', ')],
                [t('funding.programme.areas'), p.fundingAreas.join(', ')],
                [t('funding.calls.region'), p.regions.join(', ')],
                [t('funding.calls.applicant'), p.eligibleApplicants.join(', ')],
              ]}
            />
          </Section>
          {(p.summary || p.body || p.legalBasis || p.requirements || p.procedureText || p.deadlineText) && (
            <Section title={t('funding.programme.text')}>
              {p.textIsVerbatim && (
                <Text size="sm" c="dimmed">
                  {t('funding.programme.verbatim')}
                </Text>
              )}
              {p.summary && <SourceText source={p.summary} />}
              {p.body && <SourceText source={p.body} />}
              {(
                [
                  ['funding.programme.requirements', p.requirements],
                  ['funding.programme.procedure', p.procedureText],
                  ['funding.programme.deadlines', p.deadlineText],
                  ['funding.programme.legalBasis', p.legalBasis],
                ] as const
              ).map(([label, source]) =>
                source ? (
                  <div key={label}>
                    <Text fw={600}>{t(label)}</Text>
                    <SourceText source={source} />
                  </div>
                ) : null,
              )}
            </Section>
          )}
          <Section title={t('funding.call.source')}>
            <Text>{p.source}</Text>
            <Attribution attribution={p.attribution} licence={p.licence} sourceUrl={p.sourceUrl} />
          </Section>
          <Section title={t('funding.programme.calls')}>
            {p.calls.length === 0 ? (
              <Text>{t('funding.programme.noCalls')}</Text>
            ) : (
              <List>
                {p.calls.map((c) => (
                  <List.Item key={c.id}>
                    <Anchor component={Link} to={`/funding/calls/${c.id}`}>
                      {c.title}
                    </Anchor>{' '}
                    {c.nextDeadline && <Deadline day={c.nextDeadline} />}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title={t('funding.call.history')}>
            <ChangeHistory history={p.history} />
          </Section>
        </Page>
      )}
    </QueryView>
  );
}
