import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { api, setCsrfToken } from './api';
import type { NavItem } from './page-module';

export type Role = NonNullable<NavItem['roles']>[number];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  organizationId: number | null;
}

interface Session {
  user: User | null;
  csrfToken: string | null;
}

export interface Auth {
  user: User | null;
  loading: boolean;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);
const sessionKey = ['auth', 'me'] as const;

async function fetchSession(): Promise<Session> {
  const session = await api<Session>('/api/auth/me');
  setCsrfToken(session.csrfToken);
  return session;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });

  const loginMutation = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<{ user: User; csrfToken: string }>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Everything cached so far was read anonymously; the signed-in user may see more.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(sessionKey, session);
    },
  });

  const logoutMutation = useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(sessionKey, { user: null, csrfToken: null });
    },
  });

  const value = useMemo<Auth>(
    () => ({
      user: me.data?.user ?? null,
      loading: me.isPending,
      login: async (email, password) => (await loginMutation.mutateAsync({ email, password })).user,
      logout: async () => {
        await logoutMutation.mutateAsync();
      },
    }),
    [me.data, me.isPending, loginMutation.mutateAsync, logoutMutation.mutateAsync],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** May this user change directory records? (office and admin everywhere, partners their own) */
export function canEdit(user: User | null): boolean {
  return user != null && (user.role === 'admin' || user.role === 'office' || user.role === 'partner');
}

/** May this user change a record owned by `ownerOrganizationId`? Mirrors the server's canWrite. */
export function canEditRecord(user: User | null, ownerOrganizationId: number | null | undefined): boolean {
  if (!user) return false;
  if (user.role === 'admin' || user.role === 'office') return true;
  return (
    user.role === 'partner' && user.organizationId != null && ownerOrganizationId === user.organizationId
  );
}

export function allowed(user: User | null, roles?: Role[]): boolean {
  if (!roles) return true;
  return user != null && roles.includes(user.role);
}
