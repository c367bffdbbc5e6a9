import type { Metadata } from 'next';
import { MaskingAdmin } from '@/components/masking/MaskingAdmin';
import { DEFAULT_MASKING_MODE } from '@/components/masking/masking-modes';
import { resourceTypeLabel } from '@/components/resources/ResourceTypeIcon';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listMaskingRules, listResourceMaskingModes } from '@/server/masking/rules-store/masking-rules';
import { listResources } from '@/server/resources/list-resources';
import { deleteCustomRuleAction, saveCustomRuleAction, setResourceMaskingModeAction, testMaskingAction, updateBuiltInAction } from './actions';

export const metadata: Metadata = { title: 'Masking' };

export default async function MaskingPage() {
  const actor = await requirePageActor('admin');
  const [rules, resources, modes] = await Promise.all([listMaskingRules({ actor }), listResources({ actor }), listResourceMaskingModes({ actor })]);
  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Masking"
        description="Secrets in terminal and SQL output are masked before they are shown or recorded (per resource: on screen and in the recording, or in the recording only). Changes apply to sessions that start afterwards."
      />
      <MaskingAdmin
        builtIns={rules.builtIns}
        custom={rules.custom}
        resources={resources.map((r) => ({ id: r.id, name: r.name, typeLabel: resourceTypeLabel(r.type), mode: modes[r.id] ?? DEFAULT_MASKING_MODE }))}
        actions={{
          updateBuiltIn: updateBuiltInAction,
          saveCustomRule: saveCustomRuleAction,
          deleteCustomRule: deleteCustomRuleAction,
          setResourceMode: setResourceMaskingModeAction,
          test: testMaskingAction,
        }}
      />
    </div>
  );
}
