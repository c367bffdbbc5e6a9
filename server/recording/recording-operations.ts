import { z } from 'zod';
import type { EventsResponse, ReplayNote, ReplayRecording, VerifyResponse } from '@/lib/recording/replay-types';
import { annotationInput, annotationUpdate, annotationView } from './annotations/annotation-schemas';
import { signingKeysView } from './signing/signing-schemas';
import { eventsQuery, exportQuery, recordingDetailView, recordingListQuery, recordingPageView, verifyView, eventsView } from './recording-schemas';

/** The recording endpoints, for server/api/openapi.ts. */
export const recordingOperations = [
  {
    method: 'get',
    path: '/recordings',
    summary: "Recordings, newest first: mine, or everyone's for auditors and admins (scope=mine to narrow)",
    tag: 'Recordings',
    query: recordingListQuery,
    response: recordingPageView,
  },
  {
    method: 'get',
    path: '/recordings/{id}',
    summary: 'A recording with its command index and activity heatmap (owner, auditors, admins; counts as a replay)',
    tag: 'Recordings',
    response: recordingDetailView,
  },
  {
    method: 'get',
    path: '/recordings/{id}/events',
    summary: 'Events [t, kind, text] with from ≤ t < to; keyframe=1 starts at the nearest keyframe (a seek)',
    tag: 'Recordings',
    query: eventsQuery,
    response: eventsView,
  },
  { method: 'get', path: '/recordings/{id}/verify', summary: 'Checks the hash chain of the stored chunks end to end', tag: 'Recordings', response: verifyView },
  {
    method: 'get',
    path: '/recordings/signing-key',
    summary: 'The public keys sealed recordings are signed with (Ed25519, PEM): the current one and every older one; no sign-in needed',
    tag: 'Recordings',
    response: signingKeysView,
    isPublic: true,
  },
  {
    method: 'get',
    path: '/recordings/{id}/bundle',
    summary: 'Download a signed bundle (tar: chunks as stored, signed manifest, signature, public key); verify offline with `npx porthole-verify`',
    tag: 'Recordings',
  },
  {
    method: 'get',
    path: '/recordings/{id}/asciicast',
    summary: 'Download a terminal recording as asciicast v2 (plays with `asciinema play`); 400 for a SQL recording',
    tag: 'Recordings',
  },
  {
    method: 'get',
    path: '/recordings/{id}/export',
    summary:
      'Download a terminal recording as asciicast, plain text (final screen or transcript) or JSON with commands and notes; a SQL recording as a .sql script (format=sql, the default), JSON with statements, results and reviews, or CSV of results (all, or statement=N); a format the recording does not have is refused with 400',
    tag: 'Recordings',
    query: exportQuery,
  },
  {
    method: 'get',
    path: '/recordings/{id}/annotations',
    summary: 'My notes on a recording and those shared with its viewers',
    tag: 'Recordings',
    response: z.array(annotationView),
  },
  {
    method: 'post',
    path: '/recordings/{id}/annotations',
    summary: 'Add a note at a moment or over a range',
    tag: 'Recordings',
    body: annotationInput,
    response: annotationView,
    status: 201,
  },
  {
    method: 'patch',
    path: '/recordings/{id}/annotations/{annotationId}',
    summary: 'Edit one of my notes',
    tag: 'Recordings',
    body: annotationUpdate,
    response: annotationView,
  },
  { method: 'delete', path: '/recordings/{id}/annotations/{annotationId}', summary: 'Delete one of my notes', tag: 'Recordings', status: 204 },
] as const;

// The browser's copies of these shapes (lib/recording) must accept what the server sends.
type Assignable<From, To> = From extends To ? true : never;
const sameShapes: [
  Assignable<z.infer<typeof recordingDetailView>, ReplayRecording>,
  Assignable<z.infer<typeof eventsView>, EventsResponse>,
  Assignable<z.infer<typeof annotationView>, ReplayNote>,
  Assignable<z.infer<typeof verifyView>, VerifyResponse>,
] = [true, true, true, true];
void sameShapes;
