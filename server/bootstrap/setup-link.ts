import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '../crypto/password';
import { assertPasswordAllowed } from '../users/password-policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import { sha256Hex } from '../crypto/master-key';
import { AppError } from '../errors/app-error';
import { createUserInput } from '../users/user-schemas';
import { deleteSetting, readSetting, writeSetting } from './settings';

const KEY = 'setup_token_sha256';

/** Mints the one-time token behind the first-run setup link (replacing any earlier one). */
export async function mintSetupToken(): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await writeSetting(KEY, sha256Hex(token));
  return token;
}

export async function isSetupTokenValid(token: string): Promise<boolean> {
  const expected = await readSetting<string>(KEY);
  if (!expected || !token) return false;
  const given = Buffer.from(sha256Hex(token));
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

/** Creates the first admin through the setup link. Works once, and only while there are no users. */
export async function completeSetup({ token, input }: { token: string; input: z.input<typeof createUserInput> }) {
  if (!(await isSetupTokenValid(token))) {
    throw new AppError('FORBIDDEN', { userMessage: 'This setup link is invalid or was already used. Restart Porthole for a new one.' });
  }
  const data = createUserInput.parse(input);
  assertPasswordAllowed(data.password, { email: data.email, name: data.name });
  const passwordHash = await hashPassword(data.password);
  return db().transaction(async (tx) => {
    // Serialize concurrent setups: only the first one sees an empty users table.
    await tx.execute(sql`lock table ${users} in exclusive mode`);
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    if ((count?.n ?? 0) > 0) throw new AppError('CONFLICT', { userMessage: 'Porthole is already set up. Sign in instead.' });
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, passwordHash, roles: ['engineer', 'approver', 'auditor', 'admin'] })
      .returning();
    if (!user) throw new Error('insert returned no row');
    await deleteSetting(KEY, tx);
    await recordAuditEvent({ actorId: user.id, action: 'setup.complete', targetType: 'user', targetId: user.id }, tx);
    return { id: user.id, email: user.email };
  });
}
