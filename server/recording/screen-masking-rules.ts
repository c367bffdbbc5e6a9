import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { applicableCustomRules, loadRuleSet } from '../masking/rules-store/load-masking';
import type { ScreenRules } from './screen-secrets';

/**
 * The session's resource's rules as they are now (a rule added since the session also
 * applies: the screen check runs after the session, when the recording is indexed).
 */
export async function loadScreenRules(recordingId: string): Promise<ScreenRules> {
  const [[session], ruleSet] = await Promise.all([
    db().select({ resourceId: sessions.resourceId }).from(sessions).where(eq(sessions.id, recordingId)),
    loadRuleSet(),
  ]);
  return { overrides: ruleSet.overrides, custom: applicableCustomRules(ruleSet.custom, session?.resourceId ?? undefined) };
}
