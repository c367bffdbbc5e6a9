import { z } from 'zod';

/**
 * Browser ↔ gateway wire protocol on /ws/sessions/:id (and, read-only, /ws/sessions/:id/watch).
 * Binary frames carry terminal bytes both ways; text frames carry these JSON messages.
 * Shared by the browser client and the gateway (server/gateway/protocol.ts re-exports it):
 * keep it free of Node-only imports.
 */

/** Bytes of output the gateway may have in flight before the browser acknowledges them. */
export const FLOW_WINDOW_BYTES = 2 * 1024 * 1024;
/** The browser acknowledges after xterm has written at least this many bytes. */
export const ACK_EVERY_BYTES = 128 * 1024;
/** Largest inbound frame accepted (binary input or JSON control). */
export const MAX_INBOUND_FRAME_BYTES = 64 * 1024;

/**
 * Every console's socket (terminal, SQL, HTTP): the engineer is there, though they sent nothing
 * to the target (they chose "Stay connected", or are writing a statement in the editor). It
 * counts as input for the idle limit and does nothing else.
 */
export const activeMessage = z.object({ type: z.literal('active') });

/**
 * Every console's socket: the session has had no input for most of the idle limit and ends in
 * `endsInMs` unless some comes; `null` once input came (the warning is over). A duration, not a
 * time, so the browser's clock does not matter.
 */
export const idleMessage = z.object({ type: z.literal('idle'), endsInMs: z.number().int().min(0).nullable() });

export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('resize'), cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }),
  /** Total bytes of output xterm has written since the session opened (monotonic). */
  z.object({ type: z.literal('ack'), bytes: z.number().int().min(0) }),
  z.object({ type: z.literal('ping') }),
  activeMessage,
]);
export type ClientMessage = z.infer<typeof clientMessage>;

export const SESSION_END_REASONS = [
  'user_exit',
  /** The browser closed the session's socket: Disconnect, a reload, a closed tab. */
  'disconnected',
  'target_closed',
  'error',
  'terminated',
  'grant_expired',
  'grant_revoked',
  'user_disabled',
  'signed_out',
  'resource_deleted',
  /** No input from the browser for PORTHOLE_SESSION_INPUT_IDLE_MINUTES. */
  'idle_timeout',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export const serverMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), state: z.enum(['connecting', 'connected']), message: z.string().optional() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('exit'), reason: z.enum(SESSION_END_REASONS), message: z.string(), exitCode: z.number().int().nullable().optional() }),
  z.object({ type: z.literal('pong') }),
  /** Inline masking replaced secrets: the session's running count (never what was masked). */
  z.object({ type: z.literal('mask'), count: z.number().int().min(0) }),
  /** The session runs inside a just-in-time grant that ends at this time (ISO 8601). */
  z.object({ type: z.literal('grant'), expiresAt: z.iso.datetime({ offset: true }) }),
  idleMessage,
  /** Who is watching this session now (auditors, admins); empty when nobody is. */
  z.object({ type: z.literal('watchers'), names: z.array(z.string()) }),
  /**
   * Watch sockets only: reset the screen to this size; the binary frames that follow are the
   * serialized current screen, then the live output.
   */
  z.object({ type: z.literal('screen'), cols: z.number().int().min(1), rows: z.number().int().min(1) }),
  /** Watch sockets only: the watched terminal was resized. */
  z.object({ type: z.literal('size'), cols: z.number().int().min(1), rows: z.number().int().min(1) }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;

/** WebSocket close codes (4000–4999 are application codes). */
export const CloseCode = {
  Normal: 1000,
  SessionEnded: 4000,
  BadFrame: 4001,
  FrameTooLarge: 4002,
  Unauthorized: 4003,
  TargetError: 4004,
  Internal: 4005,
  Terminated: 4006,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
