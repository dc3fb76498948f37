import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Facts } from '../../components/facts';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { OK_GREEN, TIGHT_ORANGE } from './colors';
import type { BodyPlan, PlanStep, PlanWarning } from './types';

export function SourceBadge({
  source,
  illustrative,
}: {
  source: 'imported' | 'manual';
  illustrative: boolean;
}) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      <Badge
        variant="outline"
        color={source === 'imported' ? 'blue.9' : 'gray.8'}
        style={{ flexShrink: 0, minWidth: 'max-content' }}
      >
        {t(`planner.source.${source}`)}
      </Badge>
      {illustrative && (
        <Badge variant="outline" color="grape.9" style={{ flexShrink: 0, minWidth: 'max-content' }}>
          {t('planner.illustrative')}
        </Badge>
      )}
    </Group>
  );
}

export function FeasibilityBadge({ plan }: { plan: BodyPlan }) {
  const { t } = useI18n();
  const tight = plan.warnings.some((w) => w.code === 'TIGHT');
  const [color, key] = !plan.feasible
    ? ['red.9', 'planner.infeasible']
    : tight
      ? [TIGHT_ORANGE, 'planner.tight']
      : [OK_GREEN, 'planner.feasible'];
  return (
    <Badge color={color} variant="outline" size="lg">
      {t(key)}
    </Badge>
  );
}

function warningText(
  w: PlanWarning,
  t: (k: string, v?: Record<string, string | number>) => string,
  lang: 'de' | 'en',
) {
  const p = w.params;
  const date = (v: unknown) => formatDate(typeof v === 'string' ? v : null, lang);
  switch (w.code) {
    case 'NO_PLAN':
      return [
        t('planner.warning.NO_PLAN', { deadline: date(p.deadline) }),
        p.earliestDecisionDate
          ? t('planner.warning.NO_PLAN.earliest', { date: date(p.earliestDecisionDate) })
          : '',
      ].join(' ');
    case 'FILING_DATE_PASSED':
      return t('planner.warning.FILING_DATE_PASSED', { date: date(p.latestFilingDate) });
    case 'TIGHT':
      return t('planner.warning.TIGHT', {
        days: t('planner.days', { count: Number(p.slackDays) }),
        date: date(p.latestFilingDate),
      });
    case 'NO_MEETINGS':
      return t('planner.warning.NO_MEETINGS', { committee: String(p.committee), date: date(p.asOf) });
  }
}

function Steps({ title, steps }: { title: string; steps: PlanStep[] | null }) {
  const { t, lang } = useI18n();
  return (
    <Stack gap={4}>
      <Title order={4} fz="md">
        {title}
      </Title>
      {!steps ? (
        <Text>{t('planner.noPlan')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planner.step')}</Table.Th>
                <Table.Th>{t('planner.committee')}</Table.Th>
                <Table.Th>{t('planner.meeting')}</Table.Th>
                <Table.Th>{t('planner.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {steps.map((s, i) => (
                <Table.Tr key={`${s.committeeId}-${s.meetingDate}`}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{s.committee}</Table.Td>
                  <Table.Td>
                    {formatDate(s.meetingDate, lang)}
                    {s.meeting.startTime ? `, ${s.meeting.startTime}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <SourceBadge source={s.meeting.source} illustrative={s.meeting.illustrative} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** One body's answer: feasibility, dates, warnings and both plans. */
export function BodyPlanCard({ plan }: { plan: BodyPlan }) {
  const { t, lang } = useI18n();
  const slack =
    plan.slackDays === null
      ? '–'
      : plan.slackDays >= 0
        ? t('planner.days', { count: plan.slackDays })
        : t('planner.slack.passed', { days: t('planner.days', { count: -plan.slackDays }) });
  return (
    <Card withBorder component="article" aria-label={plan.body.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} fz="lg">
            {plan.body.name}
          </Title>
          <Group gap="xs">
            {plan.body.illustrative && (
              <Badge variant="outline" color="grape.9">
                {t('planner.illustrative')}
              </Badge>
            )}
            <FeasibilityBadge plan={plan} />
          </Group>
        </Group>
        <Text size="sm">{plan.sequence?.name ?? plan.committees.map((c) => c.name).join(' → ')}</Text>
        <Facts
          items={[
            [t('planner.latestFilingDate'), formatDate(plan.latestFilingDate, lang) || '–'],
            [t('planner.slack'), slack],
            [t('planner.earliestFilingDate'), formatDate(plan.earliestFilingDate, lang) || '–'],
            [t('planner.earliestDecisionDate'), formatDate(plan.earliestDecisionDate, lang) || '–'],
            [t('planner.leadDays'), t('planner.days', { count: plan.leadDays })],
          ]}
        />
        {plan.warnings.map((w) => (
          <Alert
            key={`${w.code}-${String(w.params.committee ?? '')}`}
            color={w.code === 'TIGHT' ? 'orange' : 'red'}
            role="status"
          >
            {warningText(w, t, lang)}
          </Alert>
        ))}
        <Steps title={t('planner.latest')} steps={plan.latest} />
        <Steps title={t('planner.earliest')} steps={plan.earliest} />
      </Stack>
    </Card>
  );
}
