import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateField } from '../../components/date-field';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { calendarUrl, useCalendar, useDeleteMeeting, useUpdateMeeting } from './api';
import { OK_GREEN } from './colors';
import { MeetingForm } from './meeting-form';
import { SourceBadge } from './plan-results';
import type { CalendarEntry, PlannerBodyDetail } from './types';

function Status({ e }: { e: CalendarEntry }) {
  const { t } = useI18n();
  const [color, key] = e.superseded
    ? ['gray.8', 'planner.status.superseded']
    : e.cancelled
      ? ['red.9', 'planner.status.cancelled']
      : [OK_GREEN, 'planner.status.counted'];
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="outline" color={color} style={{ flexShrink: 0, minWidth: 'max-content' }}>
        {t(key)}
      </Badge>
      {e.manual && !e.manual.isPublic && (
        <Badge variant="outline" color="gray.8" style={{ flexShrink: 0, minWidth: 'max-content' }}>
          {t('planner.status.internal')}
        </Badge>
      )}
    </Group>
  );
}

export function CalendarSection({ body, editable }: { body: PlannerBodyDetail; editable: boolean }) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState<string | null>(null);
  const calendar = useCalendar(body.id, from);
  const update = useUpdateMeeting();
  const remove = useDeleteMeeting();
  return (
    <Section
      title={t('planner.calendar')}
      actions={
        <Anchor href={calendarUrl(body.id, from, 'csv')} download>
          {t('planner.calendar.export')}
        </Anchor>
      }
    >
      <Text size="sm">{t('planner.calendar.intro')}</Text>
      {editable && <MeetingForm body={body} />}
      <Group>
        <DateField label={t('planner.calendar.from')} value={from} onChange={setFrom} />
      </Group>
      <ApiErrorAlert error={update.error ?? remove.error} />
      <QueryView query={calendar}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('common.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={960}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('planner.calendar.date')}</Table.Th>
                    <Table.Th>{t('planner.calendar.time')}</Table.Th>
                    <Table.Th>{t('planner.committee')}</Table.Th>
                    <Table.Th>{t('planner.source')}</Table.Th>
                    <Table.Th>{t('planner.calendar.status')}</Table.Th>
                    <Table.Th>{t('planner.calendar.note')}</Table.Th>
                    {editable && <Table.Th>{t('planner.calendar.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((e) => {
                    const date = formatDate(e.date, lang);
                    const m = e.manual;
                    return (
                      <Table.Tr key={`${e.source}-${e.meetingId}-${e.committeeId}`}>
                        <Table.Td>{date}</Table.Td>
                        <Table.Td>{e.startTime ?? ''}</Table.Td>
                        <Table.Td>{e.committee}</Table.Td>
                        <Table.Td>
                          <SourceBadge source={e.source} illustrative={e.illustrative} />
                        </Table.Td>
                        <Table.Td>
                          <Status e={e} />
                        </Table.Td>
                        <Table.Td>{e.name ?? ''}</Table.Td>
                        {editable && (
                          <Table.Td>
                            {m && (
                              <Stack gap={4}>
                                <Button
                                  size="xs"
                                  variant="default"
                                  onClick={() =>
                                    update.mutate({ id: m.id, cancelled: !m.cancelled, version: m.version })
                                  }
                                  aria-label={t(
                                    m.cancelled ? 'planner.meeting.reinstate' : 'planner.meeting.cancel',
                                    { date },
                                  )}
                                >
                                  {t(m.cancelled ? 'planner.action.reinstate' : 'planner.action.cancel')}
                                </Button>
                                <Button
                                  size="xs"
                                  variant="default"
                                  onClick={() => remove.mutate({ id: m.id, version: m.version })}
                                  aria-label={t('planner.meeting.delete', { date })}
                                >
                                  {t('planner.action.delete')}
                                </Button>
                              </Stack>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Section>
  );
}
