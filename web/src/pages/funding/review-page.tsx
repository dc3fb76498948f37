import { Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { type Language, useI18n } from '../../lib/i18n';
import { type ReviewItem, useReviewQueue } from './api';

function ReviewRow({ item }: { item: ReviewItem }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(item.deadline_date);
  const decide = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api(`/api/funding/review/${item.id}`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
  return (
    <Table.Tr>
      <Table.Th scope="row">{item.call_title}</Table.Th>
      <Table.Td>
        {item.deadline_date}
        {item.deadline_time ? ` ${item.deadline_time}` : ''}{' '}
        <Badge
          variant={item.confidence < 0.5 ? 'filled' : 'outline'}
          color={item.confidence < 0.5 ? 'red.9' : 'gray.8'}
        >
          {Math.round(item.confidence * 100)} %
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.evidence}</Text>
        <Text size="xs" c="dimmed">
          {item.reasons.join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={() => decide.mutate({ action: 'confirm', version: item.version })}>
            {t('funding.review.confirm')}
          </Button>
          <TextInput
            size="xs"
            type="date"
            aria-label={t('funding.review.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() => decide.mutate({ action: 'correct', date, version: item.version })}
          >
            {t('funding.review.correct')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => decide.mutate({ action: 'reject', version: item.version })}
          >
            {t('funding.review.reject')}
          </Button>
        </Group>
        <ApiErrorAlert error={decide.error} />
      </Table.Td>
    </Table.Tr>
  );
}

/** One call whose text was read as rolling or closed (GET /api/funding/review/flags). */
export interface FlagItem {
  call_id: number;
  call_title: string;
  source: string;
  status: string;
  stage_model: string;
  extracted_rolling: boolean;
  extracted_closed: boolean;
  rolling: boolean;
  closed: boolean;
  rolling_evidence: string | null;
  closed_evidence: string | null;
  status_applied: boolean;
  stage_applied: boolean;
  status_held_by_source: boolean;
  stage_held_by_source: boolean;
  flags_review: string;
  version: number;
}

// Kept with the page (the funding messages file belongs to the call-list work).
const flagMessages: Record<Language, Record<string, string>> = {
  de: {
    title: 'Laufend oder geschlossen?',
    intro:
      'Aus dem Aufrufstext gelesen: „geschlossen“ setzt den Status auf geschlossen, „laufend“ das Verfahren auf laufende Antragstellung – außer die Quelle nennt selbst einen Status bzw. ein Verfahren. Ihre Entscheidung gilt dann auch gegen die Quelle.',
    empty: 'Nichts zu prüfen.',
    read: 'Gelesen',
    onCall: 'Am Aufruf',
    rolling: 'laufend',
    closed: 'geschlossen',
    neither: 'weder noch',
    applied: 'übernommen',
    held: 'nicht übernommen: die Quelle nennt {value}',
    status: 'Status: {value}',
    stage: 'Verfahren: {value}',
    save: 'Entscheidung speichern',
    rollingFor: 'Laufend: {title}',
    closedFor: 'Geschlossen: {title}',
  },
  en: {
    title: 'Rolling or closed?',
    intro:
      'Read from the call text: "closed" sets the status to closed, "rolling" the stage model to rolling – unless the source states a status or stage model itself. Your decision then applies even against the source.',
    empty: 'Nothing to review.',
    read: 'Read',
    onCall: 'On the call',
    rolling: 'rolling',
    closed: 'closed',
    neither: 'neither',
    applied: 'applied',
    held: 'not applied: the source says {value}',
    status: 'Status: {value}',
    stage: 'Stage model: {value}',
    save: 'Save decision',
    rollingFor: 'Rolling: {title}',
    closedFor: 'Closed: {title}',
  },
};

function FlagRow({ item, m }: { item: FlagItem; m: (key: string, vars?: Record<string, string>) => string }) {
  const queryClient = useQueryClient();
  const [rolling, setRolling] = useState(item.rolling);
  const [closed, setClosed] = useState(item.closed);
  const decide = useMutation({
    mutationFn: () =>
      api(`/api/funding/review/flags/${item.call_id}`, {
        method: 'POST',
        body: { rolling, closed, version: item.version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
  const read = [item.extracted_rolling && m('rolling'), item.extracted_closed && m('closed')].filter(Boolean);
  return (
    <Table.Tr>
      <Table.Th scope="row">{item.call_title}</Table.Th>
      <Table.Td>
        <Text size="sm" fw={600}>
          {read.length ? read.join(', ') : m('neither')}
        </Text>
        {item.closed_evidence && <Text size="sm">„{item.closed_evidence}“</Text>}
        {item.rolling_evidence && <Text size="sm">„{item.rolling_evidence}“</Text>}
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {m('status', { value: item.status })}
          {item.status_applied ? ` (${m('applied')})` : ''}
        </Text>
        <Text size="sm">
          {m('stage', { value: item.stage_model })}
          {item.stage_applied ? ` (${m('applied')})` : ''}
        </Text>
        {item.status_held_by_source && (
          <Text size="sm" c="red.9">
            {m('held', { value: item.status })}
          </Text>
        )}
        {item.stage_held_by_source && (
          <Text size="sm" c="red.9">
            {m('held', { value: item.stage_model })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Checkbox
            label={m('rolling')}
            aria-label={m('rollingFor', { title: item.call_title })}
            checked={rolling}
            onChange={(e) => setRolling(e.currentTarget.checked)}
          />
          <Checkbox
            label={m('closed')}
            aria-label={m('closedFor', { title: item.call_title })}
            checked={closed}
            onChange={(e) => setClosed(e.currentTarget.checked)}
          />
          <Button size="xs" onClick={() => decide.mutate()} loading={decide.isPending}>
            {m('save')}
          </Button>
        </Group>
        <ApiErrorAlert error={decide.error} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The rolling/closed readings a person has not decided yet, with what was written to the call. */
function FlagQueue() {
  const { t, lang } = useI18n();
  const m = (key: string, vars?: Record<string, string>) =>
    (flagMessages[lang][key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => vars?.[name] ?? whole);
  const query = useQuery({
    queryKey: ['funding', 'review', 'flags'],
    queryFn: () => api<{ items: FlagItem[] }>('/api/funding/review/flags'),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="review-flags-title">
      <Title order={2} id="review-flags-title">
        {m('title')}
      </Title>
      <Text maw={720}>{m('intro')}</Text>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{m('empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funding.call')}</Table.Th>
                    <Table.Th scope="col">{m('read')}</Table.Th>
                    <Table.Th scope="col">{m('onCall')}</Table.Th>
                    <Table.Th scope="col">{t('funding.review.decision')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <FlagRow key={`${item.call_id}-${item.version}`} item={item} m={m} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}

/**
 * Deadlines read from free text with too little confidence: the office confirms, corrects or rejects
 * them; below, the rolling/closed readings, which the office confirms or overrides.
 */
export function ReviewPage() {
  const { t } = useI18n();
  const query = useReviewQueue();
  return (
    <Page title={t('funding.review.title')} description={t('funding.review.description')}>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('funding.review.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funding.call')}</Table.Th>
                    <Table.Th scope="col">{t('funding.review.date')}</Table.Th>
                    <Table.Th scope="col">{t('funding.review.evidence')}</Table.Th>
                    <Table.Th scope="col">{t('funding.review.decision')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <ReviewRow key={item.id} item={item} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      <FlagQueue />
    </Page>
  );
}
