import { z } from 'zod';
import { ROLES } from '@/db/schema';

export const emailSchema = z.email('Enter a valid e-mail address').trim().toLowerCase().max(254);
export const passwordSchema = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(256, 'Use at most 256 characters');
export const roleSchema = z.enum(ROLES);
export const rolesSchema = z
  .array(roleSchema)
  .default([])
  .transform((roles) => [...new Set<(typeof ROLES)[number]>(['engineer', ...roles])]);

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
    roles: rolesSchema.optional(),
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
