import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources, sessions } from '@/db/schema';
import { log } from '../log/logger';
import type { Stage } from '../relay/pipeline';
import { createRecorderStages, type RecorderRequest, type RecorderStages } from './recorder';

/**
 * What gets recorded. A resource with recording `off` (a sandbox) still has its sessions
 * relayed and masked, with their session row and audit events, but no recording, chunks or
 * index rows: the gateway asks here instead of opening a recorder itself. The decision is
 * taken as the session connects and kept on its session row, so lists tell afterwards.
 */

/**
 * True unless the resource has recording off. Fails closed: when the setting cannot be read
 * the session is recorded (and then stands or falls with its recording like any other).
 */
export async function decideRecording(sessionId: string, resourceId: string): Promise<boolean> {
  try {
    const [resource] = await db().select({ recording: resources.recording }).from(resources).where(eq(resources.id, resourceId));
    const isRecorded = resource?.recording !== 'off';
    await db().update(sessions).set({ isRecorded }).where(eq(sessions.id, sessionId));
    return isRecorded;
  } catch (error) {
    log().error({ sessionId, err: error }, 'cannot read its recording setting; recording it');
    return true;
  }
}

const unrecorded: Stage = (next) => next;

/** The recorder slot of a terminal session: the recorder, or an empty slot when not recorded. */
export async function createSessionRecorderStages(request: RecorderRequest & { resourceId: string }): Promise<RecorderStages> {
  if (await decideRecording(request.sessionId, request.resourceId)) return createRecorderStages(request);
  return { output: unrecorded, input: unrecorded };
}
