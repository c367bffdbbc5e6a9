import type { SessionEndReason } from '@/db/schema';

/** The end reasons a session can be given from outside (the rest come from its own connection). */
export const TERMINATION_REASONS = [
  'terminated',
  'grant_expired',
  'grant_revoked',
  'user_disabled',
  'signed_out',
  'resource_deleted',
] as const satisfies readonly SessionEndReason[];
export type TerminationReason = (typeof TERMINATION_REASONS)[number];
