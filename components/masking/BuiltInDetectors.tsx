'use client';

import { useState, useTransition } from 'react';
import { DataTable, Td, Th, rowClass } from '@/components/ui/DataTable';
import { inputClass } from '@/components/ui/Field';
import type { BuiltInRuleView } from '@/lib/masking/masking-views';
import type { MaskingActions, MaskStrategy } from './masking-actions';

const STRATEGY_LABEL: Record<MaskStrategy, string> = { label: 'Replace with label', 'keep-last-4': 'Keep last 4' };

/** The detectors that ship with Porthole: each can be turned off or keep the last 4 characters. */
export function BuiltInDetectors({ builtIns, update }: { builtIns: BuiltInRuleView[]; update: MaskingActions['updateBuiltIn'] }) {
  return (
    <section aria-labelledby="builtin-heading" className="space-y-3">
      <h2 id="builtin-heading" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Built-in detectors
      </h2>
      <DataTable
        label="Built-in detectors"
        head={
          <>
            <Th>Detector</Th>
            <Th>Replacement</Th>
            <Th>Strategy</Th>
            <Th>Enabled</Th>
          </>
        }
      >
        {builtIns.map((rule) => (
          <BuiltInRow key={rule.id} rule={rule} update={update} />
        ))}
      </DataTable>
    </section>
  );
}

function BuiltInRow({ rule, update }: { rule: BuiltInRuleView; update: MaskingActions['updateBuiltIn'] }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const save = (enabled: boolean, strategy: MaskStrategy) =>
    startTransition(async () => {
      const result = await update(rule.id, enabled, strategy);
      setError(result && !result.ok ? result.message : undefined);
    });
  return (
    <tr className={rowClass}>
      <Td>
        <div className="font-medium">{rule.name}</div>
        {rule.description ? <div className="text-xs text-zinc-500 dark:text-zinc-400">{rule.description}</div> : null}
        {error ? (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </Td>
      <Td>
        <code className="font-mono text-xs whitespace-nowrap">{rule.label}</code>
      </Td>
      <Td>
        <select
          aria-label={`Strategy for ${rule.name}`}
          // min-w-max: the table would squeeze it to "Repl…" beside long descriptions.
          className={`${inputClass} w-auto min-w-max`}
          value={rule.strategy}
          disabled={isPending}
          onChange={(event) => save(rule.enabled, event.target.value as MaskStrategy)}
        >
          {(Object.keys(STRATEGY_LABEL) as MaskStrategy[]).map((s) => (
            <option key={s} value={s}>
              {STRATEGY_LABEL[s]}
            </option>
          ))}
        </select>
      </Td>
      <Td>
        <label className="inline-flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            role="switch"
            checked={rule.enabled}
            disabled={isPending}
            onChange={(event) => save(event.target.checked, rule.strategy)}
            aria-label={`Enable ${rule.name}`}
          />
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{rule.enabled ? 'On' : 'Off'}</span>
        </label>
      </Td>
    </tr>
  );
}
