/**
 * What the replay page receives from the server, as plain types the browser may import
 * (components cannot import server/). server/recording/recording-schemas.ts defines the
 * same shapes with zod; recording-operations.ts checks the two agree.
 */
import type { MaskMark } from './mask-marks';

export type ReplayEventKind = 'o' | 'i' | 'r' | 'm' | 'x';
export type ReplayEvent = [t: number, kind: ReplayEventKind, data: string];

export type ReplayKeyframe = { t: number; cols: number; rows: number; data: string };

export type EventsResponse = {
  from: number;
  to: number;
  keyframe: ReplayKeyframe | null;
  events: ReplayEvent[];
  nextFrom: number | null;
};

export type ReplayCommand = {
  t: number;
  text: string;
  exitCode: number | null;
  /** Seconds from Enter to the next prompt; null if unknown. */
  duration: number | null;
  /** The output line that says the command likely failed (no exit code known). */
  failureReason: string | null;
};

export type ReplayRecording = {
  id: string;
  userName: string;
  userEmail: string;
  resourceName: string;
  status: 'recording' | 'complete' | 'interrupted' | 'failed';
  startedAt: string;
  endedAt: string | null;
  duration: number;
  cols: number;
  rows: number;
  outputBytes: number;
  storedBytes: number;
  commandCount: number;
  maskCount: number;
  indexState: 'pending' | 'ready' | 'failed';
  message: string | null;
  endMessage: string | null;
  heatmap: number[];
  commands: ReplayCommand[];
  maskMarks: MaskMark[];
  /** A reviewer's view of a recording shared with them: the shared range (null ends: the start / the end). */
  share?: { rangeStart: number | null; rangeEnd: number | null } | null;
};

export type ReplayNote = {
  id: string;
  authorName: string;
  t: number;
  endT: number | null;
  body: string;
  tags: string[];
  isShared: boolean;
  isMine: boolean;
  createdAt: string;
  updatedAt: string;
};

export type VerifyResponse = {
  isValid: boolean;
  chunkCount: number;
  verifiedBytes: number;
  hasOpenTail: boolean;
  problem: string | null;
  failedChunk: number | null;
};
