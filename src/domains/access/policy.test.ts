import { expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../../infra/http/errors.js';
import { type Actor, anonymous, type Role, systemActor } from './actor.js';
import { assertCanActForOrganization, canActForOrganization } from './policy.js';

const user = (role: Role, organizationId: number | null): Actor => ({
  kind: 'user',
  id: 1,
  name: role,
  email: `${role}@example.org`,
  role,
  organizationId,
});

it('lets office, admins and the system act for any organisation, a partner only for its own', () => {
  for (const actor of [user('admin', null), user('office', 9), systemActor('job')]) {
    expect(canActForOrganization(actor, 7)).toBe(true);
  }
  expect(canActForOrganization(user('partner', 7), 7)).toBe(true);
  expect(canActForOrganization(user('partner', 8), 7)).toBe(false);
  expect(canActForOrganization(user('partner', null), 7)).toBe(false);
  expect(canActForOrganization(user('reader', 7), 7)).toBe(false);
  expect(canActForOrganization(anonymous, 7)).toBe(false);
});

it('refuses anonymous with 401 and other organisations with 403', () => {
  expect(() => assertCanActForOrganization(anonymous, 7)).toThrow(UnauthorizedError);
  expect(() => assertCanActForOrganization(user('partner', 8), 7)).toThrow(ForbiddenError);
  expect(() => assertCanActForOrganization(user('reader', 7), 7)).toThrow(ForbiddenError);
  expect(() => assertCanActForOrganization(user('partner', 7), 7)).not.toThrow();
});
