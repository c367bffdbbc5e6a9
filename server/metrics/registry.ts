import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { countPendingRequests } from '../access/count-pending-requests';
import { tallies } from './tallies';
import { processSingleton } from '@/lib/process-singleton';

/**
 * Porthole's Prometheus metrics, one registry per process (processSingleton). Counters that move per frame are read from tallies.ts at scrape
 * time; the rest are bumped where things happen (rare events: a mask, a login, a job run).
 */
export type PortholeMetrics = ReturnType<typeof createMetrics>;

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return { registry, ...relayMetrics(registers), ...maskingAndRecordingMetrics(registers), ...accessAndJobMetrics(registers) };
}

type Registers = Registry[];

/** Live sessions and the bytes they relay: read from tallies.ts at scrape time. */
function relayMetrics(registers: Registers) {
  return {
    liveSessions: new Gauge({
      name: 'porthole_live_sessions',
      help: 'Sessions this process is relaying now, by type.',
      labelNames: ['type'] as const,
      registers,
      collect() {
        for (const [type, count] of Object.entries(tallies().liveSessions)) this.set({ type }, count);
      },
    }),
    relayedBytes: new Counter({
      name: 'porthole_relayed_bytes_total',
      help: 'Terminal bytes relayed, by direction (output: target to browser; input: browser to target).',
      labelNames: ['direction'] as const,
      registers,
      collect() {
        const { output, input } = tallies().relayedBytes;
        this.reset();
        this.inc({ direction: 'output' }, output);
        this.inc({ direction: 'input' }, input);
      },
    }),
  };
}

/** Masks applied, recording writes and backlog, bytes the maskers hold back. */
function maskingAndRecordingMetrics(registers: Registers) {
  return {
    masksApplied: new Counter({ name: 'porthole_masks_applied_total', help: 'Secrets masked, by rule.', labelNames: ['rule'] as const, registers }),
    recordingWriteSeconds: new Histogram({
      name: 'porthole_recording_write_seconds',
      help: 'Time to store one sealed recording chunk.',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    recordingBacklogBytes: new Gauge({
      name: 'porthole_recording_backlog_bytes',
      help: 'Bytes of sealed recording chunks waiting to be stored.',
      registers,
      collect() {
        this.set(tallies().recordingBacklogBytes);
      },
    }),
    heldBytes: new Gauge({
      name: 'porthole_masking_held_bytes',
      help: 'Bytes the maskers hold back as possible secrets, over all live sessions.',
      registers,
      collect() {
        let sum = 0;
        for (const read of tallies().heldBytes.values()) sum += read();
        this.set(sum);
      },
    }),
  };
}

/** Refused tickets and sign-ins, approvals waiting, background job runs and failures. */
function accessAndJobMetrics(registers: Registers) {
  return {
    ticketFailures: new Counter({
      name: 'porthole_ticket_failures_total',
      help: 'WebSocket upgrades refused for a missing, invalid, expired or reused ticket.',
      registers,
    }),
    loginFailures: new Counter({
      name: 'porthole_login_failures_total',
      help: 'Password sign-ins refused (wrong password, unknown user, rate limited).',
      registers,
    }),
    approvalsPending: new Gauge({
      name: 'porthole_approvals_pending',
      help: 'Access requests waiting for a decision.',
      registers,
      // One indexed count per scrape; a database that does not answer leaves the last value.
      async collect() {
        const pending = await countPendingRequests().catch(() => undefined);
        if (pending !== undefined) this.set(pending);
      },
    }),
    jobRuns: new Counter({ name: 'porthole_job_runs_total', help: 'Background job runs, by job.', labelNames: ['job'] as const, registers }),
    jobFailures: new Counter({
      name: 'porthole_job_failures_total',
      help: 'Background job runs that failed, by job.',
      labelNames: ['job'] as const,
      registers,
    }),
  };
}

export function metrics(): PortholeMetrics {
  return processSingleton('metrics', createMetrics);
}
