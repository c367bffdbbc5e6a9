import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';

/** The audit event `action` on the session, waited for (bounded, ~2 s): audits are written after the act. */
export async function untilAudited(sessionId: string, action: string) {
  for (let i = 0; i < 100; i++) {
    const [found] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, sessionId), eq(auditEvents.action, action)));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${action} audit event for ${sessionId}`);
}
