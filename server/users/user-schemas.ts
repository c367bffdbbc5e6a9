import { z } from 'zod';
import { ROLES } from '@/db/schema';

// Trim before the format check (z.email().trim() validates first): a pasted address with a
// trailing space is still a valid address.
export const emailSchema = z.string().trim().toLowerCase().check(z.email('Enter a valid e-mail address')).max(254);
export const passwordSchema = z.string().min(12, 'Use at least 12 characters').max(256, 'Use at most 256 characters');
export const roleSchema = z.enum(ROLES);
const withEngineer = (roles: (typeof ROLES)[number][]) => [...new Set<(typeof ROLES)[number]>(['engineer', ...roles])];
export const rolesSchema = z.array(roleSchema).default([]).transform(withEngineer);

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name').max(120),
  password: passwordSchema,
  roles: rolesSchema,
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z
  .object({
    name: z.string().trim().min(1, 'Enter a name').max(120).optional(),
    // No default here: zod 4 applies an inner default even under .optional(), which would
    // reset the roles of every user renamed without them.
    roles: z.array(roleSchema).transform(withEngineer).optional(),
    isDisabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Nothing to change');
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Enter your current password'),
  newPassword: passwordSchema,
});

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  isDisabled: z.boolean(),
  hasPassword: z.boolean(),
  isSso: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;
