import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Project {
  id: number;
  title: string;
  description: string | null;
  fieldsOfAction: string[];
  applicantType: string | null;
  regionAgs: string | null;
  ownerOrganizationId: number | null;
  isPublic: boolean;
}
export interface ProjectDetail extends Project {
  updatedAt: string;
  version: number;
}

export interface OrgProfile {
  organizationId: number;
  organizationName: string;
  applicantType: string | null;
  regionAgs: string | null;
  fieldsOfAction: string[];
  keywords: string[];
  updatedAt: string | null;
}

export interface MatchItem {
  callId: number;
  callTitle: string;
  score: number;
  reasons: string[];
  verdict: 'relevant' | 'irrelevant' | null;
}

export type MatchTarget = { kind: 'project'; id: number } | { kind: 'organization'; id: number };

export interface OrganizationOption {
  id: number;
  name: string;
  shortName: string | null;
}

export interface FieldOption {
  key: string;
  name: string;
}

interface FieldNode {
  id: number;
  key: string | null;
  name: string;
  children: FieldNode[];
}

export const useProjects = () =>
  useQuery({
    queryKey: ['funding', 'projects'],
    queryFn: () => api<{ items: Project[] }>('/api/funding/projects'),
  });

export const useProject = (id: number) =>
  useQuery({
    queryKey: ['funding', 'project', id],
    queryFn: () => api<ProjectDetail>(`/api/funding/projects/${id}`),
  });

export const useOrgProfile = (organizationId: number) =>
  useQuery({
    queryKey: ['funding', 'org-profile', organizationId],
    queryFn: () => api<OrgProfile>(`/api/funding/org-profiles/${organizationId}`),
  });

export const useMatches = (target: MatchTarget) =>
  useQuery({
    queryKey: ['funding', 'matches', target.kind, target.id],
    queryFn: () =>
      api<{ items: MatchItem[]; feedbackOrganizationId: number | null }>(
        `/api/funding/matches?${target.kind}=${target.id}&limit=50`,
      ),
  });

/** Organisations to choose from (first 500 by name), as the directory lists them to this user. */
export const useOrganizationOptions = () =>
  useQuery({
    queryKey: ['funding', 'organization-options'],
    queryFn: () => api<{ items: OrganizationOption[] }>('/api/organizations?limit=500'),
    staleTime: 5 * 60_000,
    select: (data) =>
      data.items.map((o) => ({
        value: String(o.id),
        label: o.shortName ? `${o.name} (${o.shortName})` : o.name,
      })),
  });

/** The region's fields of action, flattened, by the keys calls and profiles use. */
export const useFieldOptions = () =>
  useQuery({
    queryKey: ['funding', 'field-options'],
    queryFn: () => api<{ items: FieldNode[] }>('/api/fields-of-action'),
    staleTime: 5 * 60_000,
    select: (data) => {
      const out: FieldOption[] = [];
      const walk = (nodes: FieldNode[]) => {
        for (const n of nodes) {
          out.push({ key: n.key ?? String(n.id), name: n.name });
          walk(n.children);
        }
      };
      walk(data.items);
      return out;
    },
  });
