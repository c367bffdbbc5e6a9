import type { SessionEndReason } from '@/db/schema';
import type { HttpExchangeView, HttpMethod } from '@/lib/protocol/http-protocol';
import type { HttpTarget } from '../../connectors/http/http-target';
import type { KeptBody } from '../../connectors/http/send-http-request';
import type { HttpSessionWatch } from '../../watch/http-session-watch';

/** How a proxy session ended: written to its row and its recording; `status` for the requests it cuts (403 unless said). */
export type ProxySessionEnd = { reason: SessionEndReason; message: string; status?: number };

/** One proxied request as sent upstream (before masking), its body as the tap saw it. */
export type ProxiedRequest = { id: string; at: Date; method: HttpMethod; url: string; headers: [string, string][]; body: KeptBody };
/** The upstream's answer as relayed (before masking), or why there was none. */
export type ProxiedAnswer =
  { result: { status: number; statusText: string; headers: [string, string][]; body: KeptBody; durationMs: number } } | { error: string; durationMs: number };

/**
 * What a proxy session needs of its recording: each part of an exchange masked, then stored.
 * `request` returns the recorded request for its `answer`; undefined when nothing is recorded
 * (the recording failed: the session is ending).
 */
export type ProxyRecording = {
  request(target: HttpTarget, request: ProxiedRequest): { n: number; view: HttpExchangeView } | undefined;
  answer(target: HttpTarget, recorded: { n: number; view: HttpExchangeView }, answer: ProxiedAnswer): void;
  finish(end: ProxySessionEnd): Promise<void>;
  /** Auditors and admins watching the session: each exchange as recorded (masked), closed by `finish`. */
  readonly watch: HttpSessionWatch;
};
