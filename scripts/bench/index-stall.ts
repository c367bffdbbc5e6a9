/**
 * How long the gateway's thread stops while a finished recording is indexed: the synthetic hour
 * of bench:replay (100 MB) recorded into the file store with PGlite, as a default installation
 * runs, then indexed as the index queue does it (the terminal work in the worker; keyframes,
 * commands and search rows written from this thread). A timer every 2 ms measures the event
 * loop's delay meanwhile: what a live session's keystroke would wait. ROUNDS recordings
 * (default 5), each reported, then the median (min–max) of their longest delays.
 *
 *   npx tsx scripts/bench/index-stall.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { spread } from './procedures';
import { recordSession, setUpRecordings, useRecordingEnvironment } from './replay-record';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const dataDir = useRecordingEnvironment('porthole-bench-index-stall-');

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}; load ${os.loadavg()[0]!.toFixed(2)} at the start`);
  const { userId } = await setUpRecordings();
  const longest: number[] = [];
  const p99: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const delay = monitorEventLoopDelay({ resolution: 2 });
    await recordSession(userId, {
      seconds: 3600,
      outputBytes: 100e6,
      log,
      aroundIndexing: async (index) => {
        delay.enable();
        await index();
        delay.disable();
      },
    });
    longest.push(delay.max / 1e6);
    p99.push(delay.percentile(99) / 1e6);
    log(`round ${round}: event loop delay while indexing, longest ${longest.at(-1)!.toFixed(0)} ms, p99 ${p99.at(-1)!.toFixed(1)} ms`);
  }
  console.log(`| event loop delay while a 100 MB hour is indexed, longest, ms | ${spread(longest, 0)} |`);
  console.log(`| the same, p99, ms | ${spread(p99, 1)} |`);
  log(`load ${os.loadavg()[0]!.toFixed(2)} at the end`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit();
  });
