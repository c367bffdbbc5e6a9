/**
 * The recorder's CPU per MB, in process: RecordingLog into a FileRecordingStore in a temporary
 * directory, fed base64 lines (76 columns + CRLF, `cat` of random data) in 4 KiB and 32 KiB
 * frames, as the terminal recorder feeds it (batching, a flush per 16 KiB or per turn, paused
 * while the log is behind). CPU time of the whole process (thread pool included), so other
 * load on the machine distorts less than wall time; GC time from perf_hooks.
 *
 *   npx tsx scripts/bench/recorder-cpu.ts [--mb=100] [--runs=3] [--frames=4096,32768] [--relay-batch=16384] [--baseline=DIR]
 *
 * Each frame is a fresh Buffer, as a socket delivers it; the "source" run is the same loop
 * with the recording left out, and "recorder" is the difference. `--baseline=DIR` also runs
 * the recorder of another checkout (e.g. `git worktree add /tmp/base HEAD~1`), interleaved
 * run by run with this one, so drift on a shared machine hits both alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { RecordingLog } from '@/server/recording/recording-log';
import { FileRecordingStore } from '@/server/recording/stores/file-store';

type Recorder = { name: string; RecordingLog: typeof RecordingLog; FileRecordingStore: typeof FileRecordingStore; relayBatch: number };

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const TOTAL_MB = Number(arg('mb', '100'));
const RUNS = Number(arg('runs', '3'));
const FRAME_SIZES = arg('frames', '4096,32768').split(',').map(Number);
const BASELINE = arg('baseline', '');
/** As in recorder.ts (16 KiB): small writes wait for the end of the turn, bulk goes at once. Several values: one run each. */
const RELAY_BATCHES = arg('relay-batch', String(16 * 1024))
  .split(',')
  .map(Number);
/** Frames per turn of the event loop (what one socket read delivers in a busy turn). */
const TURN_BYTES = 64 * 1024;

function base64Lines(bytes: number): Buffer {
  const text = randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

const source = base64Lines(8 << 20);
const BENCH_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-recorder-bench-'));
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

type Result = { cpuMs: number; sysMs: number; gcMs: number; wallMs: number; storedRatio: number };

async function run(frameBytes: number, recorder: Recorder | undefined): Promise<Result> {
  const root = fs.mkdtempSync(path.join(BENCH_DIR, 'run-'));
  const store = recorder && new recorder.FileRecordingStore(root);
  const id = '00000000-0000-4000-8000-000000000001';
  let failure: Error | undefined;
  let isBehind = false;
  let resume: (() => void) | undefined;
  const log = recorder
    ? new recorder.RecordingLog({
        recordingId: id,
        writer: await store!.create(id),
        isBatching: true,
        onBehind: (behind) => {
          isBehind = behind;
          if (!behind) resume?.();
        },
        onError: (error) => (failure = error),
      })
    : undefined;
  const total = TOTAL_MB * 1024 * 1024;
  let sink = 0;
  global.gc?.();
  const gcStart = gcMs;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  let offset = 0;
  for (let sent = 0; sent < total;) {
    for (let turn = 0; turn < TURN_BYTES && sent < total; turn += frameBytes, sent += frameBytes) {
      if (offset + frameBytes > source.length) offset = 0;
      const frame = Buffer.allocUnsafe(frameBytes);
      source.copy(frame, 0, offset, offset + frameBytes);
      offset += frameBytes;
      sink += frame[0]!;
      if (!log) continue;
      log.append('o', frame);
      if (log.batchedBytes >= recorder!.relayBatch) log.flushWrites();
    }
    log?.flushWrites();
    if (failure) throw failure;
    if (isBehind) await new Promise<void>((resolve) => (resume = resolve));
    await tick();
  }
  const stats = await log?.finish();
  const cpu = process.cpuUsage(cpuStart);
  const result = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    sysMs: cpu.system / 1000,
    gcMs: gcMs - gcStart,
    wallMs: performance.now() - wallStart,
    storedRatio: stats ? stats.storedBytes / total : 0,
  };
  // Removed at the end only: ext4 skips inodes freed in the last seconds when it allocates
  // one, so deleting each run's chunks would make the next run's file creations expensive.
  if (sink < 0) console.log(sink);
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

async function main() {
  const trees = [{ name: 'this tree', RecordingLog, FileRecordingStore }];
  if (BASELINE) {
    const dir = path.resolve(BASELINE, 'server', 'recording');
    const log = (await import(path.join(dir, 'recording-log.ts'))) as { RecordingLog: typeof RecordingLog };
    const file = (await import(path.join(dir, 'stores', 'file-store.ts'))) as { FileRecordingStore: typeof FileRecordingStore };
    trees.unshift({ name: BASELINE, RecordingLog: log.RecordingLog, FileRecordingStore: file.FileRecordingStore });
  }
  const recorders: Recorder[] = trees.flatMap((tree) =>
    RELAY_BATCHES.map((relayBatch) => ({
      ...tree,
      relayBatch,
      name: RELAY_BATCHES.length > 1 ? `${tree.name}, writes ≥ ${relayBatch / 1024} KiB` : tree.name,
    })),
  );
  console.log(
    `recorder CPU, ${TOTAL_MB} MB per run, median of ${RUNS}; node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    '| recorder | frames | source ms/MB | with recording ms/MB, median (min–max) | recorder ms/MB | of which kernel | GC ms/MB (share of recorder) | MB/s wall | stored / raw |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  const perMb = (ms: number) => ms / TOTAL_MB;
  for (const frameBytes of FRAME_SIZES) {
    const off: Result[] = [];
    const on = recorders.map(() => [] as Result[]);
    for (const recorder of recorders) await run(frameBytes, recorder); // warm-up
    for (let i = 0; i < RUNS; i++) {
      off.push(await run(frameBytes, undefined));
      for (const [j, recorder] of recorders.entries()) on[j]!.push(await run(frameBytes, recorder));
    }
    const offCpu = perMb(median(off.map((r) => r.cpuMs)));
    for (const [j, recorder] of recorders.entries()) {
      const results = on[j]!;
      const onCpus = results.map((r) => perMb(r.cpuMs));
      const onCpu = median(onCpus);
      const gc = perMb(median(results.map((r) => r.gcMs)) - median(off.map((r) => r.gcMs)));
      const cost = onCpu - offCpu;
      const sys = perMb(median(results.map((r) => r.sysMs)) - median(off.map((r) => r.sysMs)));
      const wall = TOTAL_MB / (median(results.map((r) => r.wallMs)) / 1000);
      console.log(
        `| ${recorder.name} | ${frameBytes / 1024} KiB | ${offCpu.toFixed(2)} | ${onCpu.toFixed(2)} (${Math.min(...onCpus).toFixed(2)}–${Math.max(...onCpus).toFixed(2)}) | ${cost.toFixed(2)} | ${sys.toFixed(2)} | ${gc.toFixed(2)} (${((100 * gc) / cost).toFixed(0)} %) | ${wall.toFixed(0)} | ${median(results.map((r) => r.storedRatio)).toFixed(3)} |`,
      );
    }
  }
}

void main().finally(() => fs.rmSync(BENCH_DIR, { recursive: true, force: true }));
