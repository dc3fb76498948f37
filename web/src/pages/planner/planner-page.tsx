import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateField } from '../../components/date-field';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { Section } from '../../components/section';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCheck, useExamples, usePlannerBodies } from './api';
import { BodyRow } from './body-row';
import { BodyPlanCard } from './plan-results';
import { emptyQuestion, emptyRow, fromExample, type QuestionState, toQuestion } from './question-state';
import { Timeline } from './timeline';
import type { Example, PlanAnswer } from './types';

export function PlannerPage() {
  const { t } = useI18n();
  return (
    <RequireRole title={t('planner.title')}>
      <PlannerContent />
    </RequireRole>
  );
}

function PlannerContent() {
  const { t, lang } = useI18n();
  const bodies = usePlannerBodies();
  const examples = useExamples();
  const check = useCheck();
  const [q, setQ] = useState<QuestionState>(emptyQuestion);
  const [missing, setMissing] = useState<string | null>(null);
  const [answer, setAnswer] = useState<PlanAnswer | null>(null);

  const ask = (state: QuestionState) => {
    const question = toQuestion(state);
    if ('missing' in question) {
      setMissing(question.missing);
      return;
    }
    setMissing(null);
    check.mutate(question, { onSuccess: setAnswer });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask(q);
  };
  const loadExample = (ex: Example) => {
    const state = fromExample(ex);
    setQ(state);
    ask(state);
  };

  return (
    <Page title={t('planner.title')} description={t('planner.intro')}>
      {examples.data && examples.data.items.length > 0 && (
        <Section title={t('planner.examples')}>
          <Text size="sm">
            <Badge variant="outline" color="grape.9" mr="xs">
              {t('planner.illustrative')}
            </Badge>
            {t('planner.examples.intro', { date: formatDate(examples.data.items[0].asOf, lang) })}
          </Text>
          <Group gap="sm">
            {examples.data.items.map((ex) => (
              <Button key={ex.id} variant="light" onClick={() => loadExample(ex)}>
                {t(`planner.example.${ex.kind}`)}
              </Button>
            ))}
          </Group>
        </Section>
      )}
      <Section title={t('planner.question')}>
        <QueryView query={bodies}>
          {(data) => (
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                  <DateField
                    label={t('planner.deadline')}
                    description={t('planner.deadline.description')}
                    required
                    value={q.deadline}
                    onChange={(deadline) => setQ({ ...q, deadline })}
                    error={missing === 'planner.deadlineRequired' ? t(missing) : undefined}
                  />
                  <DateField
                    label={t('planner.asOf')}
                    description={t('planner.asOf.description')}
                    value={q.asOf}
                    onChange={(asOf) => setQ({ ...q, asOf })}
                  />
                  <NumberInput
                    label={t('planner.bufferDays')}
                    min={0}
                    max={365}
                    allowDecimal={false}
                    value={q.bufferDays}
                    onChange={(v) => setQ({ ...q, bufferDays: typeof v === 'number' ? v : '' })}
                  />
                  <NumberInput
                    label={t('planner.warnSlackDays')}
                    description={t('planner.warnSlackDays.description')}
                    min={0}
                    max={365}
                    allowDecimal={false}
                    value={q.warnSlackDays}
                    onChange={(v) => setQ({ ...q, warnSlackDays: typeof v === 'number' ? v : '' })}
                  />
                </SimpleGrid>
                <Text fw={600}>{t('planner.bodies')}</Text>
                {q.rows.map((row, i) => (
                  <BodyRow
                    key={row.key}
                    n={i + 1}
                    row={row}
                    bodies={data.items}
                    onChange={(next) =>
                      setQ({ ...q, rows: q.rows.map((r) => (r.key === row.key ? next : r)) })
                    }
                    onRemove={
                      q.rows.length > 1
                        ? () => setQ({ ...q, rows: q.rows.filter((r) => r.key !== row.key) })
                        : undefined
                    }
                  />
                ))}
                {missing === 'planner.choose' && (
                  <Alert color="red" role="alert">
                    {t(missing)}
                  </Alert>
                )}
                <Group gap="sm">
                  <Button variant="default" onClick={() => setQ({ ...q, rows: [...q.rows, emptyRow()] })}>
                    {t('planner.body.add')}
                  </Button>
                  <Button type="submit" loading={check.isPending}>
                    {t('planner.check')}
                  </Button>
                </Group>
                <ApiErrorAlert error={check.error} />
              </Stack>
            </form>
          )}
        </QueryView>
      </Section>
      {answer && <Result answer={answer} />}
      {bodies.data && (
        <Section title={t('planner.manage')}>
          <Text>{t('planner.manage.intro')}</Text>
          <List>
            {bodies.data.items
              .filter((b) => b.committeeCount > 0)
              .map((b) => (
                <List.Item key={b.id}>
                  <Anchor component={Link} to={`/planner/bodies/${b.id}`}>
                    {b.name}
                  </Anchor>{' '}
                  <Text span c="dimmed" size="sm">
                    ({t('planner.committees.count', { count: b.committeeCount })})
                  </Text>
                  {b.illustrative && (
                    <Badge ml="xs" variant="outline" color="grape.9">
                      {t('planner.illustrative')}
                    </Badge>
                  )}
                </List.Item>
              ))}
          </List>
        </Section>
      )}
    </Page>
  );
}

function Result({ answer }: { answer: PlanAnswer }) {
  const { t, lang } = useI18n();
  return (
    <Section title={t('planner.result')}>
      <Text aria-live="polite">
        {t('planner.result.summary', {
          deadline: formatDate(answer.deadline, lang),
          asOf: formatDate(answer.asOf, lang),
          buffer: t('planner.days', { count: answer.bufferDays }),
        })}
      </Text>
      <Text fw={600}>{t('planner.timeline')}</Text>
      <Timeline answer={answer} />
      <Stack gap="md">
        {answer.bodies.map((b, i) => (
          <BodyPlanCard key={`${b.body.id}-${i}`} plan={b} />
        ))}
      </Stack>
    </Section>
  );
}
