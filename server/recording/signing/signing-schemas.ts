import { z } from 'zod';

export const signingKeyView = z.object({
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  publicKeyPem: z.string(),
  createdAt: z.string(),
  /** When another key took over; the key still verifies what it signed before. */
  retiredAt: z.string().nullable(),
});

export const signingKeysView = z.object({
  /** The key this server signs new recordings with. */
  current: z.string(),
  keys: z.array(signingKeyView),
});

export type SigningKeysView = z.infer<typeof signingKeysView>;
