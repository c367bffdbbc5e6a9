import type { Metadata } from 'next';
import { MaskingAdmin } from '@/components/masking/MaskingAdmin';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listMaskingRules } from '@/server/masking/rules-store/masking-rules';
import { listResources } from '@/server/resources/list-resources';

export const metadata: Metadata = { title: 'Masking' };

export default async function MaskingPage() {
  const actor = await requirePageActor('admin');
  const [rules, resources] = await Promise.all([listMaskingRules({ actor }), listResources({ actor })]);
  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Masking"
        description="Secrets in terminal output are masked before anything is shown or recorded. Changes apply to sessions that start afterwards."
      />
      <MaskingAdmin builtIns={rules.builtIns} custom={rules.custom} resources={resources.map((r) => ({ id: r.id, name: r.name }))} />
    </div>
  );
}
