import { z } from 'zod';
import { emailSchema } from '../users/user-schemas';

import {
  SHARE_DEFAULT_DAYS,
  SHARE_MAX_DAYS,
  SHARE_MESSAGE_MAX,
  SHARE_STATES,
  type SharedWithMeItem as SharedWithMeItemView,
  type ShareView as ShareViewType,
} from '@/lib/sharing/share-views';
import { numberField } from '@/lib/number-field';

export { SHARE_DEFAULT_DAYS, SHARE_MAX_DAYS, SHARE_MESSAGE_MAX };

const seconds = numberField((n) => n.min(0, 'Seconds from the start, 0 or more').max(31 * 86_400));

/** Who to share with (by id, or by e-mail as a person types it), for how long, which part, and why. */
export const shareInput = z
  .object({
    reviewerId: z.uuid('Choose a reviewer').optional(),
    reviewerEmail: emailSchema.optional(),
    expiresInDays: numberField((n) => n.int('Whole days').min(1, 'At least 1 day').max(SHARE_MAX_DAYS, `At most ${SHARE_MAX_DAYS} days`)).default(
      SHARE_DEFAULT_DAYS,
    ),
    rangeStart: seconds.nullable().optional(),
    rangeEnd: seconds.nullable().optional(),
    message: z.string().trim().max(SHARE_MESSAGE_MAX, `At most ${SHARE_MESSAGE_MAX} characters`).default(''),
  })
  .refine((s) => Boolean(s.reviewerId) !== Boolean(s.reviewerEmail), { message: 'Choose one reviewer', path: ['reviewerEmail'] })
  .refine((s) => s.rangeStart == null || s.rangeEnd == null || s.rangeEnd > s.rangeStart, { message: 'The end must be after the start', path: ['rangeEnd'] });
export type ShareInput = z.input<typeof shareInput>;

export const shareView = z.object({
  id: z.uuid(),
  recordingId: z.uuid(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  reviewerEmail: z.string(),
  sharedByName: z.string().nullable(),
  rangeStart: z.number().nullable(),
  rangeEnd: z.number().nullable(),
  message: z.string(),
  state: z.enum(SHARE_STATES),
  expiresAt: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  /** How many times the reviewer opened it, and the latest times (newest first, at most 20). */
  viewCount: z.number(),
  views: z.array(z.string()),
});
export type ShareView = z.infer<typeof shareView>;
// The zod view and the UI's plain type are one shape (a compile error here says where they part).
export const shareViewMatches: [ShareView, ShareViewType] extends [ShareViewType, ShareView] ? true : never = true;

export const sharedWithMeQuery = z.object({
  page: numberField((n) => n.int().min(1)).default(1),
  limit: numberField((n) => n.int().min(1).max(100)).default(50),
});
export type SharedWithMeQuery = z.input<typeof sharedWithMeQuery>;

export const sharedWithMeItem = z.object({
  shareId: z.uuid(),
  recordingId: z.uuid(),
  ownerName: z.string(),
  sharedByName: z.string().nullable(),
  resourceName: z.string(),
  resourceType: z.string(),
  recordingStartedAt: z.string(),
  duration: z.number(),
  rangeStart: z.number().nullable(),
  rangeEnd: z.number().nullable(),
  message: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type SharedWithMeItem = z.infer<typeof sharedWithMeItem>;
export const sharedWithMeItemMatches: [SharedWithMeItem, SharedWithMeItemView] extends [SharedWithMeItemView, SharedWithMeItem] ? true : never = true;

export const sharedWithMePage = z.object({ shares: z.array(sharedWithMeItem), total: z.number(), page: z.number(), pageCount: z.number() });
export type SharedWithMePage = z.infer<typeof sharedWithMePage>;
