'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Badge } from '../ui/PageHeader';

type ApiError = { error?: { message?: string } };

/** Calls the host-key API; a failed call throws the server's user message. */
async function hostKeyRequest(resourceId: string, method: 'POST' | 'PUT', body?: unknown): Promise<{ fingerprint?: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/resources/${resourceId}/host-key`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error('Could not reach Porthole. Check your connection and try again.');
  }
  const data = (await response.json().catch(() => ({}))) as ApiError & { fingerprint?: string };
  if (!response.ok) throw new Error(data.error?.message ?? `The request failed (HTTP ${response.status}).`);
  return data;
}

/**
 * Trust on first use, made explicit: fetch the key the host presents, let the admin compare
 * its fingerprint with the host's own, then pin it.
 */
export function HostKeyPanel({ resourceId, address, pinned }: { resourceId: string; address: string; pinned: string | null }) {
  const router = useRouter();
  const [offered, setOffered] = useState<string>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<'fetch' | 'confirm'>();

  async function run(kind: 'fetch' | 'confirm') {
    setBusy(kind);
    setError(undefined);
    setNotice(undefined);
    try {
      if (kind === 'fetch') {
        const { fingerprint } = await hostKeyRequest(resourceId, 'POST');
        if (!fingerprint) throw new Error('The host did not present a key.');
        setOffered(fingerprint);
      } else if (offered) {
        await hostKeyRequest(resourceId, 'PUT', { fingerprint: offered });
        setOffered(undefined);
        setNotice('Host key confirmed. Porthole now refuses any other key from this host.');
        router.refresh();
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Something went wrong.');
    } finally {
      setBusy(undefined);
    }
  }

  const isChanged = Boolean(offered && pinned && offered !== pinned);

  return (
    <section aria-labelledby="host-key-heading" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center gap-2">
        <h2 id="host-key-heading" className="text-sm font-semibold">
          Host key
        </h2>
        {pinned ? <Badge tone="emerald">Pinned</Badge> : <Badge tone="amber">Not confirmed</Badge>}
      </div>
      {pinned ? (
        <div className="mt-3">
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Pinned fingerprint</p>
          <p className="mt-0.5 font-mono text-sm break-all" data-testid="pinned-fingerprint">
            {pinned}
          </p>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">Porthole refuses to connect if {address} presents any other key.</p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
          Fetch the key {address} presents, compare its fingerprint with the host’s own, and confirm it. Until then nobody can connect.
        </p>
      )}

      {offered ? <OfferedKey address={address} offered={offered} pinned={pinned} isChanged={isChanged} /> : null}

      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {notice ? (
        <div className="mt-3">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}

      <div className="mt-4 flex flex-wrap gap-2">
        <Button variant={offered ? 'secondary' : pinned ? 'secondary' : 'primary'} onClick={() => void run('fetch')} disabled={busy !== undefined}>
          Fetch host key
        </Button>
        {offered ? (
          <Button variant={isChanged ? 'danger' : 'primary'} onClick={() => void run('confirm')} disabled={busy !== undefined}>
            Confirm host key
          </Button>
        ) : null}
        {busy ? (
          <span role="status" className="self-center text-xs text-zinc-500 dark:text-zinc-400">
            {busy === 'fetch' ? `Contacting ${address}…` : 'Pinning the key…'}
          </span>
        ) : null}
      </div>
    </section>
  );
}

/** The key the host presents now, beside how to check it on the host, and whether it is the pinned one. */
function OfferedKey({ address, offered, pinned, isChanged }: { address: string; offered: string; pinned: string | null; isChanged: boolean }) {
  return (
    <div className="mt-4 rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-700 dark:bg-zinc-950/60">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Key presented by {address}</p>
      <p className="mt-0.5 font-mono text-sm break-all" data-testid="offered-fingerprint">
        {offered}
      </p>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        On the host, <code className="font-mono">ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> prints the fingerprint to compare.
      </p>
      {pinned && !isChanged ? <p className="mt-2 text-sm text-emerald-700 dark:text-emerald-400">This matches the pinned key.</p> : null}
      {isChanged ? (
        <div className="mt-3">
          <Alert tone="warning">This is not the pinned key. Confirm it only if you know the host’s key was replaced.</Alert>
        </div>
      ) : null}
    </div>
  );
}
