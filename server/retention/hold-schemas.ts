import { z } from 'zod';
import { HOLD_SCOPES } from '@/db/recording-schema';

const reason = z.string().trim().min(3, 'Say why, in a few words').max(500, 'At most 500 characters');

export const placeHoldInput = z.object({
  scope: z.enum(HOLD_SCOPES, { error: 'Choose a recording, a user or a resource' }),
  targetId: z.uuid('Choose what to hold'),
  reason,
});
export type PlaceHoldInput = z.input<typeof placeHoldInput>;

export const liftHoldInput = z.object({ reason });

export type { HoldView } from '@/lib/retention/retention-views';

export const holdView = z.object({
  id: z.uuid(),
  scope: z.enum(HOLD_SCOPES),
  targetId: z.uuid(),
  targetLabel: z.string(),
  reason: z.string(),
  placedByName: z.string().nullable(),
  placedAt: z.string(),
  liftedByName: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
});
