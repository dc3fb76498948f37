import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  BodyNode,
  FieldOfActionNode,
  ListResult,
  Organization,
  OrganizationDetail,
  Person,
  PersonDetail,
} from './types';

export interface OrganizationFilter {
  q?: string;
  kind?: string;
  limit?: number;
  offset?: number;
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export function useOrganizations(filter: OrganizationFilter) {
  return useQuery({
    queryKey: ['directory', 'organizations', filter],
    queryFn: () => api<ListResult<Organization>>(`/api/organizations${queryString({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: number) {
  return useQuery({
    queryKey: ['directory', 'organization', id],
    queryFn: () => api<OrganizationDetail>(`/api/organizations/${id}`),
  });
}

export function usePeople(filter: { q?: string; limit?: number; offset?: number }) {
  return useQuery({
    queryKey: ['directory', 'people', filter],
    queryFn: () => api<ListResult<Person>>(`/api/people${queryString({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: ['directory', 'person', id],
    queryFn: () => api<PersonDetail>(`/api/people/${id}`),
  });
}

export function useBodies(q?: string) {
  return useQuery({
    queryKey: ['directory', 'bodies', q ?? ''],
    queryFn: () => api<{ items: BodyNode[] }>(`/api/bodies${queryString({ q })}`),
    placeholderData: keepPreviousData,
  });
}

export function useFieldsOfAction() {
  return useQuery({
    queryKey: ['directory', 'fields-of-action'],
    queryFn: () => api<{ items: FieldOfActionNode[] }>('/api/fields-of-action'),
  });
}
