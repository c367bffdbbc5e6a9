import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { holdCoversSql } from '../retention-policy/hold-condition';
import type { HoldView } from './hold-schemas';

type HoldRow = {
  id: string;
  scope: HoldView['scope'];
  target_id: string;
  target_label: string | null;
  reason: string;
  placed_by_name: string | null;
  placed_at: Date | string;
  lifted_by_name: string | null;
  lifted_at: Date | string | null;
  lift_reason: string | null;
};

const iso = (value: Date | string) => new Date(value).toISOString();

function toView(row: HoldRow): HoldView {
  return {
    id: row.id,
    scope: row.scope,
    targetId: row.target_id,
    targetLabel: row.target_label ?? `${row.scope} no longer exists`,
    reason: row.reason,
    placedByName: row.placed_by_name,
    placedAt: iso(row.placed_at),
    liftedByName: row.lifted_by_name,
    liftedAt: row.lifted_at === null ? null : iso(row.lifted_at),
    liftReason: row.lift_reason,
  };
}

async function selectHolds(where: ReturnType<typeof sql>): Promise<HoldView[]> {
  const result: unknown = await db().execute(sql`
    select h.id, h.scope, h.target_id, h.reason, h.placed_at, h.lifted_at, h.lift_reason,
      placer.name as placed_by_name, lifter.name as lifted_by_name,
      case h.scope
        when 'user' then (select u.name || ' <' || u.email || '>' from users u where u.id = h.target_id)
        when 'resource' then (select r.name from resources r where r.id = h.target_id)
        else (select s.resource_name || ', ' || u.name || ', ' || to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'
              from sessions s join users u on u.id = s.user_id where s.id = h.target_id)
      end as target_label
    from legal_holds h
    left join users placer on placer.id = h.placed_by
    left join users lifter on lifter.id = h.lifted_by
    where ${where}
    order by h.lifted_at is null desc, h.placed_at desc
    limit 500`);
  return (result as { rows: HoldRow[] }).rows.map(toView);
}

/** Every hold, active ones first: auditors and admins. */
export async function listHolds({ actor }: { actor: Actor }): Promise<HoldView[]> {
  requireRole(actor, 'auditor', 'admin');
  return selectHolds(sql`true`);
}

/** Active holds covering one recording (on it, its owner or its resource): for its page. */
export async function activeHoldsOn(recording: { id: string; userId: string; resourceId: string | null }): Promise<HoldView[]> {
  return selectHolds(sql`h.lifted_at is null and ${holdCoversSql(recording.id, recording.userId, recording.resourceId)}`);
}
