'use client';

import { useEffect, useId, useState } from 'react';
import { formatCount } from '@/lib/format/count';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { useFormAction } from '@/components/ui/use-form-action';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { SelectField, TextField, inputClass } from '../ui/Field';
import type { FormState } from '../ui/form-state';
import { Badge } from '../ui/PageHeader';
import type { TokenFormState } from './token-form-state';

export type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null };

function NewTokenBox({ token, onDone }: { token: string; onDone: () => void }) {
  const id = useId();

  return (
    <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 dark:border-emerald-900 dark:bg-emerald-950/40">
      <label htmlFor={id} className="block text-sm font-medium text-emerald-900 dark:text-emerald-200">
        New API token
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          id={id}
          readOnly
          value={token}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
          spellCheck={false}
        />
        <CopyButton text={token} />
      </div>
      <p className="mt-2 text-xs text-emerald-900 dark:text-emerald-200">
        Copy it now: it won’t be shown again. Send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <Button variant="ghost" className="mt-2 -ml-2 text-xs" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}

/** "7 days", "1 year": how the lifetime choices read. */
function lifetimeLabel(days: number): string {
  return days === 365 ? '1 year' : formatCount(days, 'day');
}

export function ApiTokens({
  tokens,
  lifetimes,
  canCreateNeverExpiring,
  createAction,
  revokeAction,
}: {
  tokens: TokenRow[];
  /** Lifetimes offered, in days, and the one selected at first. */
  lifetimes: { choices: readonly number[]; defaultDays: number };
  /** Admins only: the server refuses "never" from anyone else. */
  canCreateNeverExpiring: boolean;
  createAction: (prev: TokenFormState, form: FormData) => Promise<TokenFormState>;
  revokeAction: (tokenId: string) => Promise<FormState>;
}) {
  const { state, alert, isPending, formProps, formRef } = useFormAction(createAction);
  const [dismissed, setDismissed] = useState<string>();
  const newToken = state?.ok && state.token && state.token !== dismissed ? state.token : undefined;
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state, formRef]);

  return (
    <div className="space-y-4">
      {newToken ? <NewTokenBox token={newToken} onDone={() => setDismissed(newToken)} /> : null}

      <TokenTable tokens={tokens} revokeAction={revokeAction} />

      <form {...formProps} className="space-y-3" aria-label="Create API token">
        <div className="grid gap-3 sm:grid-cols-[1fr_11rem]">
          <TextField label="Token name" name="name" autoComplete="off" required placeholder="ci-deploy" error={state?.fields?.name} />
          <SelectField label="Expires after" name="expiresInDays" defaultValue={String(lifetimes.defaultDays)} error={state?.fields?.expiresInDays}>
            {lifetimes.choices.map((days) => (
              <option key={days} value={days}>
                {lifetimeLabel(days)}
              </option>
            ))}
            {canCreateNeverExpiring ? <option value="never">Never</option> : null}
          </SelectField>
        </div>
        {alert && !state?.ok ? <Alert tone="error">{alert}</Alert> : null}
        <Button type="submit" disabled={isPending}>
          Create token
        </Button>
      </form>
    </div>
  );
}

function TokenTable({ tokens, revokeAction }: { tokens: TokenRow[]; revokeAction: (tokenId: string) => Promise<FormState> }) {
  const now = Date.now();
  return tokens.length === 0 ? (
    <p className="rounded-md border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
      No API tokens yet. Create one to call the Porthole API from scripts and CI.
    </p>
  ) : (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table aria-label="API tokens" className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Token
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Created
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Last used
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Expires
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {tokens.map((token) => {
            const isExpired = token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now;
            return (
              <tr key={token.id}>
                <td id={`token-${token.id}`} className="px-3 py-2 font-medium">
                  {token.name}
                </td>
                <td className="px-3 py-2 font-mono text-xs text-zinc-600 dark:text-zinc-300">{token.prefix}…</td>
                <td className="px-3 py-2 text-zinc-600 dark:text-zinc-300">
                  <RelativeTime iso={token.createdAt} />
                </td>
                <td className="px-3 py-2 text-zinc-600 dark:text-zinc-300">
                  <RelativeTime iso={token.lastUsedAt} />
                </td>
                <td className="px-3 py-2 text-zinc-600 dark:text-zinc-300">
                  {isExpired ? <Badge tone="red">Expired</Badge> : <RelativeTime iso={token.expiresAt} />}
                </td>
                <td className="px-3 py-2 text-right">
                  <ConfirmButton
                    label="Revoke"
                    title={`Revoke “${token.name}”?`}
                    description="Anything using this token stops working at once. This cannot be undone."
                    describedBy={`token-${token.id}`}
                    className="flex flex-col items-end"
                    action={() => revokeAction(token.id)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
