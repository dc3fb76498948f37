import { z } from 'zod';
import { roles } from '../access/actor.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

export const sessionUserSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  organizationId: z.number().nullable(),
});

export const loginBodySchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export const loginResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const meResponseSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
});

export const userSchema = sessionUserSchema.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const createUserBodySchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  organizationId: z.number().int().positive().nullable().default(null),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
});

export const updateUserBodySchema = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles).optional(),
  organizationId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).optional(),
});

export type CreateUserInput = z.infer<typeof createUserBodySchema>;
export type UpdateUserInput = z.infer<typeof updateUserBodySchema>;
export type User = z.infer<typeof userSchema>;
