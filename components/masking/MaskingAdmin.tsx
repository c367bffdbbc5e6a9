'use client';

import type { BuiltInRuleView, CustomRuleView } from '@/lib/masking/masking-views';
import { BuiltInDetectors } from './BuiltInDetectors';
import { CustomRules } from './CustomRules';
import type { MaskingActions } from './masking-actions';
import { MaskingTester } from './MaskingTester';
import { ResourceMaskingModes, type ResourceMaskingRow } from './ResourceMaskingModes';

/** Admin → Masking: custom rules, the tester, the built-in detectors and each resource's mode. */
export function MaskingAdmin({
  builtIns,
  custom,
  resources,
  actions,
}: {
  builtIns: BuiltInRuleView[];
  custom: CustomRuleView[];
  resources: ResourceMaskingRow[];
  actions: MaskingActions;
}) {
  return (
    <div className="space-y-8">
      <CustomRules custom={custom} resources={resources} actions={actions} />
      <MaskingTester test={actions.test} />
      <BuiltInDetectors builtIns={builtIns} update={actions.updateBuiltIn} />
      <ResourceMaskingModes resources={resources} setMode={actions.setResourceMode} />
    </div>
  );
}
