'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { TextAreaField } from '@/components/ui/Field';
import { Badge, Card } from '@/components/ui/PageHeader';
import { MASKING_SAMPLE_MAX_CHARS, SAMPLE_TOO_LONG } from '@/lib/masking/sample-limit';
import type { MaskingActions, TestState } from './masking-actions';

/** Sample text masked by the saved rules, to see what a rule catches before a session does. */
export function MaskingTester({ test }: { test: MaskingActions['test'] }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<TestState>();
  const [isPending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      // Said here, not sent: a sample over the limit would only come back refused (or, past 1 MB, not at all).
      if (text.length > MASKING_SAMPLE_MAX_CHARS)
        return setResult({ ok: false, message: `${SAMPLE_TOO_LONG}: this sample is ${Math.ceil(text.length / 1024)} KiB.` });
      try {
        setResult(await test(text));
      } catch {
        setResult({ ok: false, message: 'The sample could not be masked: check your connection and try again.' });
      }
    });
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
