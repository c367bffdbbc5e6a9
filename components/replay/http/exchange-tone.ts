import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import { statusTone, type StatusTone } from '../../http/response-body';

/** An exchange's colour on the timeline and in the list: its status class, or an error when no response came. */
export function exchangeTone(exchange: HttpExchangeView): StatusTone {
  return exchange.response ? statusTone(exchange.response.status) : 'server';
}

export const TONE_MARK: Record<StatusTone, string> = {
  ok: 'bg-emerald-500',
  redirect: 'bg-sky-500',
  client: 'bg-amber-500',
  server: 'bg-red-500',
  none: 'bg-zinc-400',
};

/** `200`, or `no response` when the upstream never answered. */
export function exchangeOutcome(exchange: HttpExchangeView): string {
  return exchange.response ? String(exchange.response.status) : 'no response';
}

/** The exchange shown at `time`: the last one sent at or before it (-1 before the first). */
export function exchangeAt(exchanges: readonly HttpExchangeView[], time: number): number {
  return exchanges.reduce((found, exchange, i) => (exchange.t <= time + 1e-9 ? i : found), -1);
}

/** An answer still to come: only while watching a live console (in a recording it never came). */
const isAwaited = (exchange: HttpExchangeView) => !exchange.response && !exchange.error;

/** As `exchangeTone`, while watching a live console: an exchange waiting for its answer is neutral. */
export function liveExchangeTone(exchange: HttpExchangeView): StatusTone {
  return isAwaited(exchange) ? 'none' : exchangeTone(exchange);
}

/** As `exchangeOutcome`, while watching a live console: `pending` until its answer comes. */
export function liveExchangeOutcome(exchange: HttpExchangeView): string {
  return isAwaited(exchange) ? 'pending' : exchangeOutcome(exchange);
}
