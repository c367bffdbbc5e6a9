import type { Resource } from '@/db/schema';
import { env } from '../env';

/**
 * How long a session on `resource` may go without input before it ends (0: no limit): the
 * resource's own limit, else the installation's PORTHOLE_SESSION_INPUT_IDLE_MINUTES. Read when
 * the session opens: a change applies to the sessions opened after it.
 */
export function inputIdleLimitMs(resource: Pick<Resource, 'inputIdleMinutes'>): number {
  if (resource.inputIdleMinutes === null) return env().sessionInputIdleMs;
  // A stored value is validated (0, or at least 3 s); a positive one never rounds down to "no limit".
  return resource.inputIdleMinutes > 0 ? Math.max(1000, Math.round(resource.inputIdleMinutes * 60_000)) : 0;
}
