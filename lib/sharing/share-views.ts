/** What the sharing UI shows: plain data, safe to pass to client components (server/sharing/share-schemas.ts checks its zod views match). */

export const SHARE_DEFAULT_DAYS = 7;
export const SHARE_MAX_DAYS = 90;
export const SHARE_MESSAGE_MAX = 1000;

export const SHARE_STATES = ['active', 'expired', 'revoked'] as const;
export type ShareState = (typeof SHARE_STATES)[number];

export type ShareView = {
  id: string;
  recordingId: string;
  reviewerId: string;
  reviewerName: string;
  reviewerEmail: string;
  sharedByName: string | null;
  rangeStart: number | null;
  rangeEnd: number | null;
  message: string;
  state: ShareState;
  expiresAt: string;
  createdAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
  /** How many times the reviewer opened it, and the latest times (newest first, at most 20). */
  viewCount: number;
  views: string[];
};

export type SharedWithMeItem = {
  shareId: string;
  recordingId: string;
  ownerName: string;
  sharedByName: string | null;
  resourceName: string;
  resourceType: string;
  recordingStartedAt: string;
  duration: number;
  rangeStart: number | null;
  rangeEnd: number | null;
  message: string;
  expiresAt: string;
  createdAt: string;
};
