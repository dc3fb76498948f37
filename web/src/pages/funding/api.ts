import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface ReviewItem {
  id: number;
  call_id: number;
  call_title: string;
  deadline_date: string;
  deadline_time: string | null;
  confidence: number;
  evidence: string;
  reasons: string[];
  version: number;
}

export interface Watch {
  id: number;
  callId: number;
  callTitle: string;
  organizationId: number | null;
  /** false for an organisation's watch the user may not change (readers) */
  canRemove: boolean;
}

export interface AlertSettings {
  leadDays: number[];
  digest: 'daily' | 'weekly' | 'off';
  immediate: boolean;
  subscribed: boolean;
}

export interface Pointer {
  id: number;
  callId: number;
  callTitle: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

export const useReviewQueue = () =>
  useQuery({
    queryKey: ['funding', 'review'],
    queryFn: () => api<{ items: ReviewItem[] }>('/api/funding/review'),
  });
export const useWatches = () =>
  useQuery({
    queryKey: ['funding', 'watches'],
    queryFn: () => api<{ items: Watch[] }>('/api/funding/watches'),
  });
export const useAlertSettings = () =>
  useQuery({
    queryKey: ['funding', 'alert-settings'],
    queryFn: () => api<AlertSettings>('/api/funding/alerts/settings'),
  });
export const useDigestPreview = () =>
  useQuery({
    queryKey: ['funding', 'digest-preview'],
    queryFn: () => api<{ subject: string; text: string; items: number }>('/api/funding/digest/preview'),
  });
export const useFeedUrls = () =>
  useQuery({
    queryKey: ['funding', 'feeds'],
    queryFn: () => api<{ user: string; organization: string | null; atom: string }>('/api/funding/feeds'),
  });
export const usePointers = () =>
  useQuery({
    queryKey: ['funding', 'pointers'],
    queryFn: () => api<{ items: Pointer[] }>('/api/funding/pointers'),
  });
