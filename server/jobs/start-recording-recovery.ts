import { exclusive, RECOVERY_LOCK } from './job-leadership';
import { every } from './every';
import { recoverRecordingsAtStartup, sweepOrphanedRecordings } from '../recording/recover-recordings';
import { log } from '../log/logger';

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Start-up recovery, then a periodic sweep; returns a function that stops the sweep. Scheduled
 * from jobs/: recording/ does the recovering and does not reach up to the scheduler.
 */
export function startRecordingRecovery(): () => void {
  let stop = () => undefined as void;
  recoverRecordingsAtStartup()
    .then((count) => {
      if (count > 0) log().info(`closed ${count} recording(s) left open by a previous run (marked interrupted).`);
      // One replica at a time, and not while a dead replica's recordings are being recovered.
      stop = every('recording-sweep', SWEEP_INTERVAL_MS, exclusive(RECOVERY_LOCK, sweepOrphanedRecordings));
    })
    .catch((error: unknown) => log().error({ err: error }, 'recording recovery failed'));
  return () => stop();
}
