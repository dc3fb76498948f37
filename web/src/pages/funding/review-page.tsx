import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
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

/** Deadlines read from free text with too little confidence: the office confirms, corrects or rejects them. */
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
    </Page>
  );
}
