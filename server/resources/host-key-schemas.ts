import { z } from 'zod';

export const confirmHostKeyInput = z.object({
  fingerprint: z
    .string()
    .trim()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'Give the SHA256:... fingerprint that was shown'),
});
export type ConfirmHostKeyInput = z.input<typeof confirmHostKeyInput>;

export const hostKeyCheckView = z.object({
  fingerprint: z.string(),
  keyType: z.string(),
  /** What is pinned now (null: nothing confirmed yet). */
  pinnedFingerprint: z.string().nullable(),
  matchesPinned: z.boolean(),
});
export type HostKeyCheck = z.infer<typeof hostKeyCheckView>;
