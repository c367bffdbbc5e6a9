import { z } from 'zod';
import { sharedWithMePage, sharedWithMeQuery, shareInput, shareView } from './share-schemas';

const tag = 'Sharing';

/** Sharing a recording with a reviewer, for server/api/openapi.ts. */
export const sharingOperations = [
  {
    method: 'get',
    path: '/recordings/{id}/shares',
    summary: "A recording's shares, newest first, with their state and when the reviewer watched (owner, auditors, admins; a reviewer gets 403)",
    tag,
    response: z.array(shareView),
  },
  {
    method: 'post',
    path: '/recordings/{id}/shares',
    summary:
      'Share a recording, or a range of it (rangeStart/rangeEnd, seconds), with one active user (reviewerId or reviewerEmail) for 1–90 days (default 7), with an optional message (≤ 1000 characters); the reviewer may replay, search and note that part only. Owner, auditors, admins; audited',
    tag,
    body: shareInput,
    response: z.object({ id: z.uuid(), expiresAt: z.string() }),
    status: 201,
  },
  {
    method: 'delete',
    path: '/recordings/{id}/shares/{shareId}',
    summary: "Revoke a share at once: the reviewer's next request gets 404 (owner, auditors, admins; audited)",
    tag,
  },
  {
    method: 'get',
    path: '/shared-with-me',
    summary: 'Recordings others shared with me that I may still watch, newest share first (owner, resource, message, range, expiry)',
    tag,
    query: sharedWithMeQuery,
    response: sharedWithMePage,
  },
] as const;
