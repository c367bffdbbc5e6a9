'use client';

import { useState, useTransition } from 'react';
import { deleteCustomRuleAction, saveCustomRuleAction, testMaskingAction, updateBuiltInAction, type TestState } from '@/app/(app)/admin/masking/actions';
import { DataTable, Td, Th, rowClass } from '@/components/admin/DataTable';
import { ConfirmButton } from '@/components/admin/ConfirmButton';
import { useFormAction } from '@/components/admin/use-form-action';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { inputClass, TextAreaField, TextField } from '@/components/ui/Field';
import { Badge, Card } from '@/components/ui/PageHeader';
import type { FormState } from '@/components/ui/form-state';
import type { BuiltInRuleView, CustomRuleView } from '@/lib/masking/masking-views';
import { ResourceMaskingModes, type ResourceMaskingRow } from './ResourceMaskingModes';

type Strategy = 'label' | 'keep-last-4';
type ResourceOption = ResourceMaskingRow;

const STRATEGY_LABEL: Record<Strategy, string> = { label: 'Replace with label', 'keep-last-4': 'Keep last 4' };

export function MaskingAdmin({ builtIns, custom, resources }: { builtIns: BuiltInRuleView[]; custom: CustomRuleView[]; resources: ResourceOption[] }) {
  const [editing, setEditing] = useState<CustomRuleView | 'new' | null>(null);
  return (
    <div className="space-y-8">
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
                      action={() => deleteCustomRuleAction(rule.id)}
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <Tester />

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
            <BuiltInRow key={rule.id} rule={rule} />
          ))}
        </DataTable>
      </section>

      <ResourceMaskingModes resources={resources} />
    </div>
  );
}

function BuiltInRow({ rule }: { rule: BuiltInRuleView }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const save = (enabled: boolean, strategy: Strategy) =>
    startTransition(async () => {
      const result = await updateBuiltInAction(rule.id, enabled, strategy);
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
        <code className="font-mono text-xs">{rule.label}</code>
      </Td>
      <Td>
        <select
          aria-label={`Strategy for ${rule.name}`}
          className={`${inputClass} w-auto`}
          value={rule.strategy}
          disabled={isPending}
          onChange={(event) => save(rule.enabled, event.target.value as Strategy)}
        >
          {(Object.keys(STRATEGY_LABEL) as Strategy[]).map((s) => (
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

function CustomRuleForm({ rule, resources, onDone }: { rule?: CustomRuleView; resources: ResourceOption[]; onDone: () => void }) {
  const [scope, setScope] = useState<'all' | 'chosen'>(rule?.resourceIds ? 'chosen' : 'all');
  const { state, alert, isPending, formProps } = useFormAction<NonNullable<FormState>>(async (prev, form) => {
    const result = await saveCustomRuleAction(rule?.id ?? null, prev, form);
    if (result?.ok) onDone();
    return result;
  });
  return (
    <Card className="p-4">
      <form {...formProps} className="space-y-4" aria-label={rule ? `Edit ${rule.name}` : 'New masking rule'}>
        {alert && !state?.ok ? <Alert tone="error">{alert}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" name="name" defaultValue={rule?.name} required error={state?.fields?.name} />
          <TextField
            label="Replacement"
            name="replacement"
            defaultValue={rule?.replacement ?? ''}
            placeholder="[MASKED:<name>]"
            error={state?.fields?.replacement}
            hint="Leave empty for [MASKED:<name>]."
          />
        </div>
        <TextField
          label="Pattern"
          name="pattern"
          defaultValue={rule?.pattern}
          required
          className={`${inputClass} font-mono`}
          error={state?.fields?.pattern}
          hint="A regular expression (RE2: no lookarounds or back-references). A group named secret, (?<secret>…), masks only that part."
        />
        <div className="flex flex-wrap gap-6 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="caseInsensitive" defaultChecked={rule?.caseInsensitive} /> Ignore case
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="isEnabled" defaultChecked={rule?.isEnabled ?? true} /> Enabled
          </label>
          <label className="inline-flex items-center gap-2">
            Strategy
            <select name="strategy" defaultValue={rule?.strategy ?? 'label'} className={`${inputClass} w-auto`}>
              <option value="label">Replace with label</option>
              <option value="keep-last-4">Keep last 4</option>
            </select>
          </label>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Applies to</legend>
          <div className="flex gap-6 text-sm">
            <label className="inline-flex items-center gap-2">
              <input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} /> All resources
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="radio" name="scope" value="chosen" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> Chosen resources
            </label>
          </div>
          {scope === 'chosen' ? (
            <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {resources.map((r) => (
                <label key={r.id} className="inline-flex items-center gap-2">
                  <input type="checkbox" name="resourceIds" value={r.id} defaultChecked={rule?.resourceIds?.includes(r.id)} /> {r.name}
                </label>
              ))}
              {state?.fields?.resourceIds ? (
                <p role="alert" className="w-full text-xs text-red-600 dark:text-red-400">
                  {state.fields.resourceIds[0]}
                </p>
              ) : null}
            </div>
          ) : null}
        </fieldset>
        <div className="flex gap-2">
          <Button type="submit" disabled={isPending}>
            {rule ? 'Save rule' : 'Add rule'}
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Tester() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<TestState>();
  const [isPending, startTransition] = useTransition();
  const run = () => startTransition(async () => setResult(await testMaskingAction(text)));
  return (
    <section aria-labelledby="tester-heading" className="space-y-3">
      <h2 id="tester-heading" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Try the rules
      </h2>
      <Card className="grid gap-4 p-4 lg:grid-cols-2">
        <div className="space-y-2">
          <TextAreaField
            label="Sample text"
            rows={8}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Paste terminal output, a config file or a log line"
          />
          <Button variant="secondary" onClick={run} disabled={isPending || text.length === 0}>
            Mask sample
          </Button>
        </div>
        <div className="space-y-2" aria-live="polite">
          <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Masked output</p>
          {result?.ok === false ? <Alert tone="error">{result.message}</Alert> : null}
          <pre
            data-testid="masked-output"
            className="min-h-40 overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-950"
          >
            {result?.ok ? result.result.output : ''}
          </pre>
          {result?.ok ? (
            result.result.masks.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing was masked.</p>
            ) : (
              <ul aria-label="Rules that fired" className="flex flex-wrap gap-2 text-xs">
                {Object.entries(countBy(result.result.masks.map((m) => m.rule))).map(([rule, n]) => (
                  <li key={rule}>
                    <Badge tone="indigo">
                      {rule} × {n}
                    </Badge>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>
      </Card>
    </section>
  );
}

function countBy(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}
