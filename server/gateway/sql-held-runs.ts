import type { JudgedStatement } from '../sql/judge-script';
import { getReviewState, withdrawSqlReview, type ReviewState } from '../sql/reviews/session-reviews';

/** A script held for review: what runs once an approver says yes. */
export type HeldRun = { reviewId: string; runId: string; statements: JudgedStatement[] };

/** The recorded and sent form of a review's outcome. */
export type ReviewDecision = {
  sql: 'review';
  id: string;
  reviewId: string;
  status: Exclude<ReviewState['status'], 'pending'>;
  decider: string | null;
  comment: string | null;
};

const POLL_MS = 1000;

/**
 * The scripts of one SQL session waiting for review. While any waits, their reviews are read
 * every second; a decided one is handed to `onDecided` (which records and sends it, and runs
 * an approved script) and forgotten. Returning false from `onDecided` stops this round: the
 * session could not record.
 */
export class HeldRuns {
  private readonly held = new Map<string, HeldRun>();
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly onDecided: (run: HeldRun, decision: ReviewDecision) => boolean,
    private readonly isEnded: () => boolean,
  ) {}

  hold(run: HeldRun): void {
    this.held.set(run.reviewId, run);
    this.poll ??= setInterval(() => void this.check(), POLL_MS).unref();
  }

  /** Some script waits for a reviewer (the engineer is waiting, not away). */
  get hasAny(): boolean {
    return this.held.size > 0;
  }

  find(runId: string): HeldRun | undefined {
    return [...this.held.values()].find((run) => run.runId === runId);
  }

  /** The engineer takes back a held script: the review closes and nothing runs. Undefined when it was decided already. */
  async withdraw(run: HeldRun, userId: string): Promise<ReviewDecision | undefined> {
    if (!(await withdrawSqlReview(run.reviewId, userId))) return undefined;
    this.held.delete(run.reviewId);
    return { sql: 'review', id: run.runId, reviewId: run.reviewId, status: 'cancelled', decider: null, comment: 'Withdrawn by the engineer.' };
  }

  stop(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private async check(): Promise<void> {
    for (const run of [...this.held.values()]) {
      const state = await getReviewState(run.reviewId).catch(() => undefined);
      if (!state || state.status === 'pending' || this.isEnded()) continue;
      this.held.delete(run.reviewId);
      const decision: ReviewDecision = {
        sql: 'review',
        id: run.runId,
        reviewId: run.reviewId,
        status: state.status,
        decider: state.deciderName,
        comment: state.comment,
      };
      if (!this.onDecided(run, decision)) return;
    }
    if (this.held.size === 0) this.stop();
  }
}
