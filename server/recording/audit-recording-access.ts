import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { processSingleton } from '@/lib/process-singleton';

/** One replay is many range requests: record it once per viewer and recording in this window. */
const REPLAY_WINDOW_MS = 10 * 60_000;

export async function auditReplay(actor: Actor, recordingId: string, data: Record<string, unknown> = {}): Promise<void> {
  const seen = processSingleton('replayAudit', () => new Map<string, number>());
  const key = `${actor.id}:${recordingId}`;
  const now = Date.now();
  if ((seen.get(key) ?? 0) > now - REPLAY_WINDOW_MS) return;
  if (seen.size > 10_000) seen.clear();
  seen.set(key, now);
  await recordAuditEvent({ actorId: actor.id, action: 'recording.replay', targetType: 'recording', targetId: recordingId, data: { via: actor.via, ...data } });
}

export async function auditExport(actor: Actor, recordingId: string, format: string): Promise<void> {
  await recordAuditEvent({ actorId: actor.id, action: 'recording.export', targetType: 'recording', targetId: recordingId, data: { format, via: actor.via } });
}
