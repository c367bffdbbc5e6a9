import { z } from 'zod';

/** The lifetimes the profile page offers; the API takes any whole number of days up to a year. */
export const TOKEN_LIFETIME_CHOICES = [7, 30, 90, 365] as const;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;

export const createTokenInput = z.object({
  name: z.string().trim().min(1, 'Name the token').max(80),
  expiresInDays: z
    .union([z.number().int().min(1, 'Use 1 to 365 days').max(365, 'Use 1 to 365 days'), z.literal('never')])
    .default(DEFAULT_TOKEN_LIFETIME_DAYS)
    .describe('Days until the token expires, 1 to 365 (default 90), or "never" (admins only).'),
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
