import type { KeyObject } from 'node:crypto';

/** Types for scripts/verify-recording.mjs (plain JavaScript, so it runs without a build). */
export function readTar(bytes: Buffer): Map<string, Buffer>;
export function loadTrustedKeys(source: string): Promise<KeyObject[]>;
export type VerifyOutcome = { ok: true; chunks: number; keyId: string; manifest: Record<string, unknown> } | { ok: false; problem: string };
export function verifyBundle(bytes: Buffer, options?: { trustedKeys?: KeyObject[] }): Promise<VerifyOutcome>;
