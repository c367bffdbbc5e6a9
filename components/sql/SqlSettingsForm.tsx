'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import { POLICY_ACTIONS, RISK_CLASS_LABELS, RISK_CLASSES, type SqlPolicy } from '@/lib/sql/risk-classes';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { SelectField, TextField, inputClass } from '../ui/Field';
import type { FormState } from '../ui/form-state';

export type SqlSettingsValues = {
  policy: SqlPolicy;
  readOnlyMode: 'auto' | 'on' | 'off';
  isProduction: boolean;
  statementTimeoutMs: number;
  rowCap: number;
  recordedRows: number;
  columnMasks: { pattern: string; strategy: 'full' | 'keep-last-4' | 'email' }[];
};

const ACTION_LABELS = { allow: 'Allow', review: 'Review', block: 'Block' } as const;

/** A database resource's SQL console rules: what each class of statement needs, limits, column masks. */
export function SqlSettingsForm({ initial, action }: { initial: SqlSettingsValues; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const { state, alert, isPending, formProps } = useFormAction(action);
  return (
    <section aria-labelledby="sql-settings-heading" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="sql-settings-heading" className="text-sm font-semibold">
        SQL console
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-300">
        Every statement is parsed and judged before it runs. Held statements wait in the approvers’ inbox.
      </p>
      <form {...formProps} aria-label="SQL console settings" className="space-y-4">
        {alert ? <Alert tone={state?.ok ? 'success' : 'error'}>{alert}</Alert> : null}
        <StatementPolicy policy={initial.policy} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Read-only"
            name="readOnly"
            defaultValue={initial.readOnlyMode}
            hint={initial.isProduction ? 'Tagged env=prod: automatic means read-only.' : 'Automatic means read-only when tagged env=prod.'}
          >
            <option value="auto">Automatic (env=prod)</option>
            <option value="on">Always read-only</option>
            <option value="off">Never read-only</option>
          </SelectField>
          <TextField
            label="Statement time limit (seconds)"
            name="statementTimeoutSeconds"
            type="number"
            min={0}
            defaultValue={Math.round(initial.statementTimeoutMs / 1000)}
            hint="0 means no limit."
            error={state?.fields?.statementTimeoutSeconds}
          />
          <TextField
            label="Row limit per result"
            name="rowCap"
            type="number"
            min={1}
            max={1000000}
            defaultValue={initial.rowCap}
            error={state?.fields?.rowCap}
          />
          <TextField
            label="Rows kept in the recording"
            name="recordedRows"
            type="number"
            min={0}
            max={10000}
            defaultValue={initial.recordedRows}
            hint="Masked, per result."
            error={state?.fields?.recordedRows}
          />
        </div>
        <ColumnMasks initial={initial.columnMasks} />
        <Button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save SQL settings'}
        </Button>
      </form>
    </section>
  );
}

/** Allow, review or block, for each class of statement. */
function StatementPolicy({ policy }: { policy: SqlSettingsValues['policy'] }) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">Statement policy</legend>
      <table className="w-full text-sm">
        <tbody>
          {RISK_CLASSES.map((riskClass) => (
            <tr key={riskClass} className="border-t border-zinc-100 dark:border-zinc-800">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <span className="block text-zinc-900 dark:text-zinc-100">{RISK_CLASS_LABELS[riskClass].name}</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{RISK_CLASS_LABELS[riskClass].description}</span>
              </th>
              <td className="py-2">
                <div role="radiogroup" aria-label={RISK_CLASS_LABELS[riskClass].name} className="flex gap-3">
                  {POLICY_ACTIONS.map((option) => (
                    <label key={option} className="flex items-center gap-1 text-xs">
                      <input type="radio" name={`policy.${riskClass}`} value={option} defaultChecked={policy[riskClass] === option} />
                      {ACTION_LABELS[option]}
                    </label>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/** Column-name patterns whose values are always masked; one more row on demand. */
function ColumnMasks({ initial }: { initial: SqlSettingsValues['columnMasks'] }) {
  const [masks, setMasks] = useState(initial.length > 0 ? initial : [{ pattern: '', strategy: 'full' as const }]);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Column masks</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Column names (with * wildcards) whose values are always masked, on top of the built-in ones (password, token, card_number, email, …) and the value
        detectors.
      </p>
      {masks.map((mask, i) => (
        <div key={i} className="flex gap-2">
          <input
            name="maskPattern"
            aria-label={`Column pattern ${i + 1}`}
            defaultValue={mask.pattern}
            placeholder="*iban*"
            className={`${inputClass} flex-1 font-mono`}
          />
          <select name="maskStrategy" aria-label={`Mask ${i + 1}`} defaultValue={mask.strategy} className={`${inputClass} w-44`}>
            <option value="full">Hide all</option>
            <option value="keep-last-4">Keep last 4</option>
            <option value="email">Keep e-mail domain</option>
          </select>
        </div>
      ))}
      <button
        type="button"
        onClick={() => setMasks((m) => [...m, { pattern: '', strategy: 'full' }])}
        className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
      >
        Add a column mask
      </button>
    </fieldset>
  );
}
