import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  BodyDetail,
  CommitteeDetail,
  CouncilBody,
  MeetingDetail,
  OParlSource,
  PaperDetail,
  QuarantineEntry,
} from './types';

export const useCouncilBodies = () =>
  useQuery({
    queryKey: ['council', 'bodies'],
    queryFn: () => api<{ items: CouncilBody[] }>('/api/council/bodies'),
  });
export const useCouncilBody = (id: number) =>
  useQuery({
    queryKey: ['council', 'body', id],
    queryFn: () => api<BodyDetail>(`/api/council/bodies/${id}`),
  });
export const usePaper = (id: number) =>
  useQuery({ queryKey: ['council', 'paper', id], queryFn: () => api<PaperDetail>(`/api/papers/${id}`) });
export const useMeeting = (id: number) =>
  useQuery({
    queryKey: ['council', 'meeting', id],
    queryFn: () => api<MeetingDetail>(`/api/meetings/${id}`),
  });
export const useCommittee = (id: number) =>
  useQuery({
    queryKey: ['council', 'organization', id],
    queryFn: () => api<CommitteeDetail>(`/api/council/organizations/${id}`),
  });
export const useSources = () =>
  useQuery({
    queryKey: ['council', 'sources'],
    queryFn: () => api<{ items: OParlSource[] }>('/api/oparl-sources'),
  });
export const useQuarantine = () =>
  useQuery({
    queryKey: ['council', 'quarantine'],
    queryFn: () => api<{ items: QuarantineEntry[]; total: number }>('/api/council/quarantine?limit=50'),
  });

export function useAddSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (systemUrl: string) =>
      api<OParlSource>('/api/oparl-sources', { method: 'POST', body: { systemUrl } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['council', 'sources'] }),
  });
}

export function useStartSync() {
  return useMutation({
    mutationFn: (id: number) => api<{ jobId: number }>(`/api/oparl-sources/${id}/sync`, { method: 'POST' }),
  });
}
