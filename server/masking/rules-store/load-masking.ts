import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { maskingCustomRules, maskingRuleOverrides, resourceMasking, type MaskingCustomRuleRow, type MaskingMode } from '@/db/masking-schema';
import { selectRules, type RuleOverride } from '../built-in-rules';
import { compileCustomRule } from '../custom-rule';
import { createMasker, type Masker } from '../masker';
import type { MaskRule } from '../types';
import { log } from '../../log/logger';
import { processSingleton } from '@/lib/process-singleton';
import { learningMasker } from '../learned-secrets';

/**
 * Rules are read from the database for every new session (three small queries), and the
 * compiled masker is cached by the rule set's content: a change (saved by any process) gives
 * a new key, so nothing needs invalidating; old entries fall out of the bounded cache.
 */
const CACHE_SIZE = 32;

function cache(): Map<string, Masker> {
  return processSingleton('maskers', () => new Map<string, Masker>());
}

export type RuleSet = { overrides: Record<string, RuleOverride>; custom: MaskingCustomRuleRow[] };

export async function loadRuleSet(): Promise<RuleSet> {
  const [overrideRows, custom] = await Promise.all([
    db().select().from(maskingRuleOverrides),
    db().select().from(maskingCustomRules).orderBy(maskingCustomRules.createdAt),
  ]);
  const overrides: Record<string, RuleOverride> = {};
  for (const row of overrideRows) overrides[row.ruleId] = { enabled: row.enabled, ...(row.strategy ? { strategy: row.strategy } : {}) };
  return { overrides, custom };
}

export function customRuleToMaskRule(row: Pick<MaskingCustomRuleRow, 'id' | 'name' | 'pattern' | 'replacement' | 'strategy' | 'caseInsensitive'>): MaskRule {
  return compileCustomRule({
    id: row.id,
    name: row.name,
    pattern: row.pattern,
    replacement: row.replacement ?? undefined,
    strategy: row.strategy,
    caseInsensitive: row.caseInsensitive,
  });
}

/** The enabled custom rules that apply to a resource (all of them when no resource is given). */
export function applicableCustomRules(custom: readonly MaskingCustomRuleRow[], resourceId?: string): MaskingCustomRuleRow[] {
  return custom.filter((rule) => rule.isEnabled && (!resourceId || !rule.resourceIds || rule.resourceIds.includes(resourceId)));
}

/** A masker for a rule set, compiled once per distinct set. */
export function maskerFor(overrides: Record<string, RuleOverride>, custom: readonly MaskingCustomRuleRow[]): Masker {
  const key = JSON.stringify([
    Object.entries(overrides).sort(([a], [b]) => a.localeCompare(b)),
    custom.map((rule) => [rule.id, rule.name, rule.pattern, rule.replacement, rule.strategy, rule.caseInsensitive]),
  ]);
  const cached = cache().get(key);
  if (cached) {
    // Most recently used last.
    cache().delete(key);
    cache().set(key, cached);
    return cached;
  }
  const compiled: MaskRule[] = [];
  for (const rule of custom) {
    try {
      compiled.push(customRuleToMaskRule(rule));
    } catch (error) {
      // Validated when saved; a rule the engine no longer accepts is skipped, not fatal.
      log().error({ err: error }, `masking rule ${rule.id} (${rule.name}) does not compile, skipped`);
    }
  }
  const masker = createMasker(selectRules(overrides, compiled));
  cache().set(key, masker);
  while (cache().size > CACHE_SIZE) cache().delete(cache().keys().next().value!);
  return masker;
}

export type SessionMasking = { masker: Masker; mode: MaskingMode };

/**
 * What a new session on this resource masks, and where. The masker is the session's own: a secret
 * it masks once is masked wherever it shows again in the session (learned-secrets.ts), whatever
 * the session is (a terminal's two streams share it, as do a console's statements, cells and errors).
 */
export async function loadSessionMasking(resourceId: string): Promise<SessionMasking> {
  const [ruleSet, [setting]] = await Promise.all([loadRuleSet(), db().select().from(resourceMasking).where(eq(resourceMasking.resourceId, resourceId))]);
  const rules = maskerFor(ruleSet.overrides, applicableCustomRules(ruleSet.custom, resourceId));
  return { masker: learningMasker(rules), mode: setting?.mode ?? 'view_and_recording' };
}
