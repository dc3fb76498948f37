import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  Calendar,
  Example,
  ManualMeeting,
  PlanAnswer,
  PlannerBody,
  PlannerBodyDetail,
  PlanQuestion,
  Sequence,
} from './types';

export const usePlannerBodies = () =>
  useQuery({
    queryKey: ['planner', 'bodies'],
    queryFn: () => api<{ items: PlannerBody[] }>('/api/planner/bodies'),
  });

export const usePlannerBody = (id: number | null) =>
  useQuery({
    queryKey: ['planner', 'body', id],
    queryFn: () => api<PlannerBodyDetail>(`/api/planner/bodies/${id}`),
    enabled: id !== null,
  });

export const useExamples = () =>
  useQuery({
    queryKey: ['planner', 'examples'],
    queryFn: () => api<{ items: Example[] }>('/api/planner/examples'),
  });

export const calendarUrl = (bodyId: number, from: string | null, format?: 'csv') => {
  const q = new URLSearchParams({ bodyId: String(bodyId) });
  if (from) q.set('from', from);
  if (format) q.set('format', format);
  return `/api/planner/calendar?${q}`;
};

export const useCalendar = (bodyId: number, from: string | null) =>
  useQuery({
    queryKey: ['planner', 'calendar', bodyId, from],
    queryFn: () => api<Calendar>(calendarUrl(bodyId, from)),
  });

export const useCheck = () =>
  useMutation({
    mutationFn: (question: PlanQuestion) =>
      api<PlanAnswer>('/api/planner/check', { method: 'POST', body: question }),
  });

/** Every planner write refreshes what the planner shows (bodies, calendars, examples). */
function useWrite<T, V>(fn: (v: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['planner'] }),
  });
}

export const useSaveSettings = (bodyId: number) =>
  useWrite((body: { leadDays: number; warnSlackDays: number; version?: number }) =>
    api(`/api/planner/bodies/${bodyId}/settings`, { method: 'PUT', body }),
  );

export const useCreateSequence = (bodyId: number) =>
  useWrite((body: { name: string; committeeIds: number[] }) =>
    api<Sequence>(`/api/planner/bodies/${bodyId}/sequences`, { method: 'POST', body }),
  );

export const useUpdateSequence = () =>
  useWrite(({ id, ...body }: { id: number; name: string; committeeIds: number[]; version: number }) =>
    api<Sequence>(`/api/planner/sequences/${id}`, { method: 'PATCH', body }),
  );

export const useDeleteSequence = () =>
  useWrite((s: { id: number; version: number }) =>
    api<void>(`/api/planner/sequences/${s.id}?version=${s.version}`, { method: 'DELETE' }),
  );

export interface MeetingInput {
  committeeId: number;
  date: string;
  startTime: string | null;
  note: string | null;
  isPublic: boolean;
}

export const useCreateMeeting = () =>
  useWrite((body: MeetingInput) => api<ManualMeeting>('/api/planner/meetings', { method: 'POST', body }));

export const useUpdateMeeting = () =>
  useWrite(({ id, ...body }: Partial<MeetingInput> & { id: number; cancelled?: boolean; version: number }) =>
    api<ManualMeeting>(`/api/planner/meetings/${id}`, { method: 'PATCH', body }),
  );

export const useDeleteMeeting = () =>
  useWrite((m: { id: number; version: number }) =>
    api<void>(`/api/planner/meetings/${m.id}?version=${m.version}`, { method: 'DELETE' }),
  );
