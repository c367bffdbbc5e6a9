'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { RISK_CLASS_LABELS, RISK_CLASSES, type RiskClass } from '@/lib/sql/risk-classes';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { inputClass } from '../ui/Field';
import type { FormState } from '../ui/form-state';

export type StatementReviewItem = {
  id: string;
  resourceName: string;
  requesterName: string;
  requesterEmail: string;
  script: string;
  statements: { text: string; classes: string[]; action: 'allow' | 'review' | 'block'; reasons: string[] }[];
  reason: string;
  createdAt: string;
};

type Decide = (reviewId: string, comment: string) => Promise<FormState>;

const classLabel = (riskClass: string) =>
  (RISK_CLASSES as readonly string[]).includes(riskClass) ? RISK_CLASS_LABELS[riskClass as RiskClass].name : riskClass;

/**
 * Held SQL statements waiting for an approver, in the approvals inbox: the exact text, the
 * statements that triggered the hold, and approve/deny with a comment. Approved, the
 * submission runs in the engineer's open console. The page's LiveRefresh brings new reviews in
 * and takes decided or withdrawn ones out (they count in the inbox's live events).
 */
export function StatementReviews({ reviews, approve, deny }: { reviews: StatementReviewItem[]; approve: Decide; deny: Decide }) {
  if (reviews.length === 0) return null;
  return (
    <section aria-labelledby="statement-reviews" className="mb-6 space-y-3">
      <h2 id="statement-reviews" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        Statement reviews{' '}
        <span className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-300">{reviews.length}</span>
      </h2>
      {reviews.map((review) => (
        <ReviewCard key={review.id} review={review} approve={approve} deny={deny} />
      ))}
    </section>
  );
}

function ReviewCard({ review, approve, deny }: { review: StatementReviewItem; approve: Decide; deny: Decide }) {
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<FormState>();
  const [isPending, startTransition] = useTransition();
  const decide = (action: Decide) =>
    startTransition(async () => {
      const result = await action(review.id, comment);
      setOutcome(result);
      if (result?.ok) router.refresh();
    });
  const risky = review.statements.filter((s) => s.action !== 'allow');
  return (
    <article
      aria-label={`Statement review for ${review.resourceName}`}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{review.requesterName}</span>
        <span className="text-zinc-500">wants to run on</span>
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{review.resourceName}</span>
        <span className="ml-auto text-xs text-zinc-500">
          <RelativeTime iso={review.createdAt} />
        </span>
      </header>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{review.reason}</p>
      <ol className="mt-3 space-y-1.5" aria-label="Statements">
        {review.statements.map((statement, i) => (
          <li
            key={i}
            className={`rounded border-l-4 bg-zinc-50 px-3 py-1.5 dark:bg-zinc-950 ${statement.action === 'allow' ? 'border-zinc-200 dark:border-zinc-700' : 'border-amber-500'}`}
          >
            <pre className="overflow-x-auto font-mono text-xs whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">{statement.text}</pre>
            {statement.action !== 'allow' ? (
              <p className="mt-1 text-[11px] text-amber-800 dark:text-amber-300">
                {statement.classes
                  .filter((c) => c !== 'other')
                  .map(classLabel)
                  .join(', ')}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {risky.length === 0 ? null : (
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <label className="min-w-64 flex-1 text-xs text-zinc-600 dark:text-zinc-400">
            Comment (required to deny)
            <input className={`${inputClass} mt-1`} value={comment} onChange={(event) => setComment(event.target.value)} aria-label="Review comment" />
          </label>
          <Button onClick={() => decide(approve)} disabled={isPending}>
            Approve and run
          </Button>
          <Button variant="danger" onClick={() => decide(deny)} disabled={isPending}>
            Deny
          </Button>
        </div>
      )}
      {outcome?.message ? (
        <div className="mt-2">
          <Alert tone={outcome.ok ? 'success' : 'error'}>{outcome.message}</Alert>
        </div>
      ) : null}
    </article>
  );
}
