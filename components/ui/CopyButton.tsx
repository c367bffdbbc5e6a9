'use client';

import { useState } from 'react';
import { Button } from './Button';

/** Copies through a selected, off-screen text area: plain-HTTP deployments have no async clipboard. */
function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const isCopied = document.execCommand('copy');
  area.remove();
  return isCopied;
}

/** A "Copy" button for a secret shown once (API token, webhook signing secret); says when it worked. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome(copyBySelection(text) ? 'copied' : 'failed');
    }
  }

  return (
    <Button variant="secondary" className="shrink-0" onClick={() => void copy()}>
      {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Select and copy' : label}
    </Button>
  );
}
