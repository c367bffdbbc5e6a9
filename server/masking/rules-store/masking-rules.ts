import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { maskingCustomRules, maskingRuleOverrides, resourceMasking, type MaskingCustomRuleRow, type MaskingMode } from '@/db/masking-schema';
import type { Actor } from '@/server/actor/actor';
import { requireRole } from '@/server/actor/require-role';
import { recordAuditEvent } from '@/server/audit/record-audit-event';
import { AppError } from '@/server/errors/app-error';
import { requireResource } from '@/server/resources/find-resource';
import { BUILT_IN_RULES } from '../built-in-rules';
import { compileCustomRule } from '../custom-rule';
import { createMasker } from '../masker';
import { maskText } from '../mask-text';
import { applicableCustomRules, customRuleToMaskRule, loadRuleSet, maskerFor } from './load-masking';
import {
  builtInRuleInput,
  customRuleInput,
  maskingTestInput,
  resourceMaskingInput,
  type BuiltInRuleView,
  type CustomRuleInputValue,
  type CustomRuleView,
  type MaskingTestResult,
} from './masking-schemas';
import type { z } from 'zod';
import { isUuid } from '@/lib/uuid/is-uuid';

export type MaskingRulesView = { builtIns: BuiltInRuleView[]; custom: CustomRuleView[] };

function customView(row: MaskingCustomRuleRow): CustomRuleView {
  return {
    id: row.id,
    name: row.name,
    pattern: row.pattern,
    replacement: row.replacement,
    label: row.replacement ?? customRuleToLabel(row),
    strategy: row.strategy,
    caseInsensitive: row.caseInsensitive,
    isEnabled: row.isEnabled,
    resourceIds: row.resourceIds,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function customRuleToLabel(row: MaskingCustomRuleRow): string {
  try {
    return customRuleToMaskRule(row).label;
  } catch {
    return '';
  }
}

export async function listMaskingRules({ actor }: { actor: Actor }): Promise<MaskingRulesView> {
  requireRole(actor, 'admin');
  const { overrides, custom } = await loadRuleSet();
  return {
    builtIns: BUILT_IN_RULES.map((rule) => ({
      id: rule.id,
      name: rule.name,
      description: rule.description ?? '',
      label: rule.label,
      enabled: overrides[rule.id]?.enabled ?? rule.enabledByDefault,
      enabledByDefault: rule.enabledByDefault,
      strategy: overrides[rule.id]?.strategy ?? rule.strategy,
    })),
    custom: custom.map(customView),
  };
}

export async function updateBuiltInRule({
  actor,
  ruleId,
  input,
}: {
  actor: Actor;
  ruleId: string;
  input: z.input<typeof builtInRuleInput>;
}): Promise<BuiltInRuleView> {
  requireRole(actor, 'admin');
  const rule = BUILT_IN_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new AppError('NOT_FOUND', { userMessage: 'No such built-in masking rule.' });
  const { enabled, strategy } = builtInRuleInput.parse(input);
  await db().transaction(async (tx) => {
    await tx
      .insert(maskingRuleOverrides)
      .values({ ruleId, enabled, strategy: strategy ?? null })
      .onConflictDoUpdate({ target: maskingRuleOverrides.ruleId, set: { enabled, ...(strategy ? { strategy } : {}), updatedAt: new Date() } });
    await recordAuditEvent(
      { actorId: actor.id, action: 'masking.rule_update', targetType: 'masking_rule', targetId: ruleId, data: { enabled, strategy: strategy ?? null } },
      tx,
    );
  });
  const view = (await listMaskingRules({ actor })).builtIns.find((r) => r.id === ruleId);
  return view!;
}

/** Checks the pattern the way the engine will run it; throws VALIDATION with fields.pattern. */
function validateCustom(input: z.output<typeof customRuleInput>): void {
  compileCustomRule({
    id: 'check',
    name: input.name,
    pattern: input.pattern,
    replacement: input.replacement ?? undefined,
    strategy: input.strategy,
    caseInsensitive: input.caseInsensitive,
  });
}

async function checkResources(resourceIds: string[] | null): Promise<void> {
  for (const id of resourceIds ?? []) {
    await requireResource(id).catch(() => {
      throw new AppError('VALIDATION', { userMessage: 'A chosen resource no longer exists.', fields: { resourceIds: ['Choose existing resources'] } });
    });
  }
}

export async function createCustomRule({ actor, input }: { actor: Actor; input: CustomRuleInputValue }): Promise<CustomRuleView> {
  requireRole(actor, 'admin');
  const values = customRuleInput.parse(input);
  validateCustom(values);
  await checkResources(values.resourceIds);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(maskingCustomRules)
      .values({ ...values, createdBy: actor.id })
      .returning();
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'masking.custom_create',
        targetType: 'masking_rule',
        targetId: row!.id,
        data: { name: values.name, pattern: values.pattern },
      },
      tx,
    );
    return customView(row!);
  });
}

export async function updateCustomRule({ actor, ruleId, input }: { actor: Actor; ruleId: string; input: CustomRuleInputValue }): Promise<CustomRuleView> {
  requireRole(actor, 'admin');
  const values = customRuleInput.parse(input);
  validateCustom(values);
  await checkResources(values.resourceIds);
  if (!isUuid(ruleId)) throw new AppError('NOT_FOUND', { userMessage: 'No such masking rule.' });
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(maskingCustomRules)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(maskingCustomRules.id, ruleId))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', { userMessage: 'No such masking rule.' });
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'masking.custom_update',
        targetType: 'masking_rule',
        targetId: ruleId,
        data: { name: values.name, pattern: values.pattern, isEnabled: values.isEnabled },
      },
      tx,
    );
    return customView(row);
  });
}

export async function deleteCustomRule({ actor, ruleId }: { actor: Actor; ruleId: string }): Promise<void> {
  requireRole(actor, 'admin');
  if (!isUuid(ruleId)) throw new AppError('NOT_FOUND', { userMessage: 'No such masking rule.' });
  await db().transaction(async (tx) => {
    const deleted = await tx.delete(maskingCustomRules).where(eq(maskingCustomRules.id, ruleId)).returning({ name: maskingCustomRules.name });
    if (deleted.length === 0) throw new AppError('NOT_FOUND', { userMessage: 'No such masking rule.' });
    await recordAuditEvent(
      { actorId: actor.id, action: 'masking.custom_delete', targetType: 'masking_rule', targetId: ruleId, data: { name: deleted[0]!.name } },
      tx,
    );
  });
}

export async function getResourceMaskingMode({ actor, resourceId }: { actor: Actor; resourceId: string }): Promise<{ mode: MaskingMode }> {
  requireRole(actor, 'admin');
  await requireResource(resourceId);
  const [row] = await db().select().from(resourceMasking).where(eq(resourceMasking.resourceId, resourceId));
  return { mode: row?.mode ?? 'view_and_recording' };
}

/** Every resource whose mode is not the default; a resource missing here masks the view and the recording. */
export async function listResourceMaskingModes({ actor }: { actor: Actor }): Promise<Record<string, MaskingMode>> {
  requireRole(actor, 'admin');
  const rows = await db().select({ resourceId: resourceMasking.resourceId, mode: resourceMasking.mode }).from(resourceMasking);
  return Object.fromEntries(rows.filter((row) => row.mode !== 'view_and_recording').map((row) => [row.resourceId, row.mode]));
}

export async function setResourceMaskingMode({
  actor,
  resourceId,
  input,
}: {
  actor: Actor;
  resourceId: string;
  input: z.input<typeof resourceMaskingInput>;
}): Promise<{ mode: MaskingMode }> {
  requireRole(actor, 'admin');
  const { mode } = resourceMaskingInput.parse(input);
  await requireResource(resourceId);
  await db().transaction(async (tx) => {
    await tx
      .insert(resourceMasking)
      .values({ resourceId, mode })
      .onConflictDoUpdate({ target: resourceMasking.resourceId, set: { mode, updatedAt: new Date() } });
    await recordAuditEvent({ actorId: actor.id, action: 'masking.mode_update', targetType: 'resource', targetId: resourceId, data: { mode } }, tx);
  });
  return { mode };
}

/**
 * The live tester: masks sample text with the saved rules (those of one resource, if given)
 * plus, optionally, a rule being edited. Nothing is stored or audited: the text is the admin's.
 */
export async function testMasking({ actor, input }: { actor: Actor; input: z.input<typeof maskingTestInput> }): Promise<MaskingTestResult> {
  requireRole(actor, 'admin');
  const { text, resourceId, draft } = maskingTestInput.parse(input);
  const { overrides, custom } = await loadRuleSet();
  const saved = applicableCustomRules(
    custom.filter((rule) => rule.id !== draft?.id),
    resourceId,
  );
  let masker = maskerFor(overrides, saved);
  if (draft?.pattern) {
    const values = customRuleInput.parse({ name: 'draft', ...draft });
    const rule = compileCustomRule({
      id: 'draft',
      name: values.name,
      pattern: values.pattern,
      replacement: values.replacement ?? undefined,
      strategy: values.strategy,
      caseInsensitive: values.caseInsensitive,
    });
    masker = createMasker([...masker.rules, rule]);
  }
  const { output, events } = maskText(masker, text);
  return { output: output.toString('utf8'), masks: events.map((e) => ({ rule: e.rule, ruleId: e.ruleId, offset: e.offset, length: e.length })) };
}
