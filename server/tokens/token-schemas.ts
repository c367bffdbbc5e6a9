import { z } from 'zod';

export const createTokenInput = z.object({
  name: z.string().trim().min(1, 'Name the token').max(80),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

export const tokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenView>;

export const createdTokenView = tokenView.extend({
  token: z.string().describe('The secret token: shown once, send it as `Authorization: Bearer <token>`.'),
});
