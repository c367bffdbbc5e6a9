'use client';

import { useState } from 'react';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { DataTable, Td, Th, rowClass } from '@/components/ui/DataTable';
import { Button } from '@/components/ui/Button';
import { Badge } from '@/components/ui/PageHeader';
import type { CustomRuleView } from '@/lib/masking/masking-views';
import { CustomRuleForm } from './CustomRuleForm';
import type { MaskingActions } from './masking-actions';
import type { ResourceMaskingRow } from './ResourceMaskingModes';

/** The admin's own rules: the list, and the form to add or edit one. */
export function CustomRules({
  custom,
  resources,
  actions,
}: {
  custom: CustomRuleView[];
  resources: ResourceMaskingRow[];
  actions: Pick<MaskingActions, 'saveCustomRule' | 'deleteCustomRule'>;
}) {
  const [editing, setEditing] = useState<CustomRuleView | 'new' | null>(null);
  return (
    <section aria-labelledby="custom-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="custom-heading" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
          Custom rules
        </h2>
        {editing === null ? <Button onClick={() => setEditing('new')}>Add rule</Button> : null}
      </div>
      {editing !== null ? (
        <CustomRuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? undefined : editing}
          resources={resources}
          save={actions.saveCustomRule}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {custom.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No custom rules. Add a regular expression for secrets the built-in detectors do not know.</p>
      ) : (
        <DataTable
          label="Custom rules"
          head={
            <>
              <Th>Name</Th>
              <Th>Pattern</Th>
              <Th>Replacement</Th>
              <Th>Scope</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </>
          }
        >
          {custom.map((rule) => (
            <tr key={rule.id} className={rowClass}>
              <Td className="font-medium">{rule.name}</Td>
              <Td>
                <code className="font-mono text-xs break-all">{rule.pattern}</code>
              </Td>
              <Td>
                <code className="font-mono text-xs">{rule.label}</code>
                {rule.strategy === 'keep-last-4' ? <span className="ml-1 text-xs text-zinc-500">+ last 4</span> : null}
              </Td>
              <Td className="text-xs">
                {rule.resourceIds ? rule.resourceIds.map((id) => resources.find((r) => r.id === id)?.name ?? 'deleted resource').join(', ') : 'All resources'}
              </Td>
              <Td>{rule.isEnabled ? <Badge tone="emerald">On</Badge> : <Badge>Off</Badge>}</Td>
              <Td className="whitespace-nowrap">
                <div className="flex items-center justify-end gap-1">
                  <Button variant="ghost" onClick={() => setEditing(rule)} aria-label={`Edit ${rule.name}`}>
                    Edit
                  </Button>
                  <ConfirmButton
                    label="Delete"
                    title={`Delete the rule “${rule.name}”?`}
                    description="Sessions that start afterwards no longer mask what it matched. Existing recordings stay as they were recorded."
                    variant="ghost"
                    action={() => actions.deleteCustomRule(rule.id)}
                  />
                </div>
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
