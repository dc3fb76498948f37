import { Anchor, Badge, List, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { PaperCalls } from '../funding/paper-calls';
import { usePaper } from './api';
import { FieldSourceMark, sourced } from './field-source';
import { SourceLinks } from './source-links';
import type { PaperDetail } from './types';

const impactKeys = ['financial', 'personnel', 'organisational', 'keyFigures'] as const;

/** The Beratungsfolge as an ordered list: date, committee, role, meeting and agenda item, result. */
function ConsultationTimeline({ consultations }: { consultations: PaperDetail['consultations'] }) {
  const { t, lang } = useI18n();
  return (
    <List type="ordered" spacing="sm" aria-label={t('council.timeline')}>
      {consultations.map((c) => (
        <List.Item key={c.id}>
          <Text span fw={600}>
            {c.date ? <time dateTime={c.date}>{formatDateTime(c.date, lang)}</time> : '–'}
          </Text>
          {c.organizations.length > 0 && ' · '}
          {c.organizations.map((o) => (
            <Anchor key={o.id} component={Link} to={`/council/organizations/${o.id}`} mr="xs">
              {o.name}
            </Anchor>
          ))}
          {c.role && (
            <Text span>
              {' · '}
              {t('council.role')}: {c.role}
            </Text>
          )}
          {c.meeting && (
            <Text size="sm">
              <Anchor component={Link} to={`/council/meetings/${c.meeting.id}`}>
                {c.meeting.name}
              </Anchor>
              {c.agendaItem && ` · ${t('council.agendaItem', { number: c.agendaItem })}`}
              {c.meeting.cancelled && <Badge ml="xs">{t('council.cancelled')}</Badge>}
            </Text>
          )}
          {c.result && (
            <Text size="sm">
              {t('council.result')}: {c.result}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function PaperPage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const query = usePaper(id);
  return (
    <QueryView query={query} title={t('council.papers')}>
      {(p) => (
        <Page
          title={p.name ?? p.reference ?? String(p.id)}
          description={[p.reference, p.paperType].filter(Boolean).join(' · ')}
          actions={!p.isPublic && <Badge color="orange">{t('council.nonPublic')}</Badge>}
          before={
            p.body && (
              <Anchor component={Link} to={`/council/bodies/${p.body.id}`} size="sm">
                ← {p.body.name}
              </Anchor>
            )
          }
        >
          <Facts
            items={[
              [t('council.reference'), sourced(p.reference, p.fieldSources.reference)],
              [t('council.date'), sourced(formatDate(p.date, lang), p.fieldSources.date)],
              [t('council.paperType'), sourced(p.paperType, p.fieldSources.paperType)],
              [t('council.decisionKind'), sourced(p.decisionKind, p.fieldSources.decisionKind)],
              [t('council.fileReference'), sourced(p.fileReference, p.fieldSources.fileReference)],
              [t('council.department'), sourced(p.department, p.fieldSources.department)],
              [t('council.handler'), sourced(p.handler, p.fieldSources.handler)],
            ]}
          />
          <Text size="xs" c="dimmed">
            {t('council.fieldSource.legend')}
          </Text>
          <SourceLinks sourceUrl={p.sourceUrl} webUrl={p.webUrl} />
          <Section title={t('council.consultations')}>
            <FieldSourceMark source={p.fieldSources.consultations} />
            {p.consultations.length === 0 ? (
              <Text>{t('common.none')}</Text>
            ) : (
              <ConsultationTimeline consultations={p.consultations} />
            )}
          </Section>
          <Section title={t('council.fieldsOfAction')}>
            {p.fieldsOfAction.length === 0 ? (
              <Text>{t('common.none')}</Text>
            ) : (
              <List>
                {p.fieldsOfAction.map((f) => (
                  <List.Item key={f.id}>
                    <Text span fw={600}>
                      {f.name}
                    </Text>{' '}
                    <Text span size="sm">
                      {t('council.matchedTerms', { terms: f.matchedTerms.join(', ') })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title={t('funding.paperCalls.title')}>
            <PaperCalls paperId={p.id} />
          </Section>
          {p.impacts && (
            <Section title={t('council.impacts')}>
              <FieldSourceMark source={p.fieldSources.impacts} />
              <Facts
                items={impactKeys.map((k) => [
                  t(`council.impact.${k}`),
                  t(`council.impact.${p.impacts?.[k] ?? 'unknown'}`),
                ])}
              />
            </Section>
          )}
          {p.draftResolution && (
            <Section title={t('council.draftResolution')}>
              <FieldSourceMark source={p.fieldSources.draftResolution} />
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.draftResolution}</Text>
            </Section>
          )}
          {p.statementOfFacts && (
            <Section title={t('council.statementOfFacts')}>
              <FieldSourceMark source={p.fieldSources.statementOfFacts} />
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.statementOfFacts}</Text>
            </Section>
          )}
          <Section title={t('council.files')}>
            {p.files.length === 0 ? (
              <Text>{t('common.none')}</Text>
            ) : (
              <List>
                {p.files.map((f) => (
                  <List.Item key={f.id}>
                    {f.accessUrl ? (
                      <Anchor href={f.accessUrl} target="_blank" rel="noopener noreferrer">
                        {f.name ?? f.fileName}
                      </Anchor>
                    ) : (
                      (f.name ?? f.fileName)
                    )}{' '}
                    <Text span c="dimmed" size="sm">
                      {formatDate(f.date, lang)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Page>
      )}
    </QueryView>
  );
}
