import fs from 'node:fs';
import os from 'node:os';
import type { CorpusKind } from './replay-corpus';
import { percentile, spread } from './procedures';
import { playRound, startPlayerServer, type PlayerRound } from './replay-player';
import { recordSession, setUpRecordings, storedByKind, useRecordingEnvironment, type Recorded, type StoredByKind } from './replay-record';
import { fmt, gatewayOnOff, onOffRows, REPLAY_STORES, runsNote } from './replay-gateway';
import type { ReplayStore } from './replay-gateway-child';
import { catWhileIndexing, indexingRows } from './replay-indexing';

/**
 * `npm run bench:replay`: the recording and replay data path.
 *   1. a synthetic 1-hour, 100 MB session recorded through RecordingLog into the file store:
 *      recorder CPU per MB, stored bytes / output bytes per kind of output, indexing cost;
 *   2. headless Chromium opens it with the replay page's player: time to the first rendered
 *      frame, then 50 seeks by clicking a timeline at random points (click → rendered screen);
 *      parts 1 and 2 run in rounds (a new recording and a new browser each), see --replay-rounds;
 *   3. the terminal gateway with recording on and off, same process, same sshd: throughput
 *      and gateway CPU per MB for a large `cat`;
 *   4. (`--while-indexing` only) a live `cat` while the gateway indexes a finished recording,
 *      against the same `cat` on an idle gateway.
 *
 *   --quick           10 minutes / 10 MB, 20 seeks, 20 MB cat (a smoke run, not for the record)
 *   --markdown=FILE   append the results as a "Replay" section to FILE
 *   --gateway-only    part 3 alone (no Markdown)
 *   --while-indexing  part 4 alone (no Markdown; file store)
 *   --store=LIST      part 3 on these recording stores: file (default), postgres, s3, or all;
 *                     comma-separated, interleaved round by round (parts 1 and 2 use files)
 *   --rounds=N        part 3 rounds per store, on and off each (default 5; --quick 2)
 *   --replay-rounds=N parts 1 and 2 rounds (default 5; --quick 2)
 */

type Options = {
  quick: boolean;
  markdown?: string;
  onlyGateway: boolean;
  onlyWhileIndexing: boolean;
  stores: ReplayStore[];
  rounds?: number;
  replayRounds?: number;
};
const options: Options = { quick: false, onlyGateway: false, onlyWhileIndexing: false, stores: ['file'] };
for (const arg of process.argv.slice(2)) {
  if (arg === '--quick') options.quick = true;
  else if (arg === '--gateway-only') options.onlyGateway = true;
  else if (arg === '--while-indexing') options.onlyWhileIndexing = true;
  else if (arg.startsWith('--markdown=')) options.markdown = arg.slice(11);
  else if (arg.startsWith('--rounds=') && Number(arg.slice(9)) > 0) options.rounds = Number(arg.slice(9));
  else if (arg.startsWith('--replay-rounds=') && Number(arg.slice(16)) > 0) options.replayRounds = Number(arg.slice(16));
  else if (arg.startsWith('--store=')) options.stores = parseStores(arg.slice(8));
  else throw new Error(`unknown option ${arg}`);
}

function parseStores(value: string): ReplayStore[] {
  const stores = value === 'all' ? [...REPLAY_STORES] : value.split(',');
  const unknown = stores.filter((store) => !(REPLAY_STORES as readonly string[]).includes(store));
  if (unknown.length > 0 || stores.length === 0) throw new Error(`--store takes ${REPLAY_STORES.join(', ')} or all, comma-separated (got ${value})`);
  return [...new Set(stores)] as ReplayStore[];
}

const MB = 1e6;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const dataDir = useRecordingEnvironment('porthole-bench-replay-');

type ReplayRound = { recorded: Recorded; player: PlayerRound };

/** Parts 1 and 2, round after round: each records and indexes a new session and opens it in a new browser. */
async function replayRounds(count: number): Promise<{ rounds: ReplayRound[]; byKind: StoredByKind }> {
  const { userId } = await setUpRecordings();
  const server = await startPlayerServer(userId);
  const rounds: ReplayRound[] = [];
  let byKind: StoredByKind | undefined;
  try {
    for (let round = 1; round <= count; round++) {
      log(`replay round ${round} of ${count}`);
      const { recorded, events } = await recordSession(userId, {
        seconds: options.quick ? 600 : 3600,
        outputBytes: options.quick ? 10 * MB : 100 * MB,
        log,
      });
      // The same synthetic session every round: its kinds are sealed once.
      byKind ??= await storedByKind(events);
      const player = await playRound(server, recorded, options.quick ? 20 : 50, 7 + round);
      log(
        `first frame: cold ${fmt(player.coldMs, 0)} ms, warm ${fmt(player.warmMs, 0)} ms; seeks p50 ${fmt(percentile(player.seeks, 50), 0)} ms, p95 ${fmt(percentile(player.seeks, 95), 0)} ms`,
      );
      rounds.push({ recorded, player });
    }
  } finally {
    server.close();
  }
  return { rounds, byKind: byKind! };
}

/** Median (min–max) of one figure over the rounds. */
const over = (rounds: ReplayRound[], get: (round: ReplayRound) => number, digits = 0) => spread(rounds.map(get), digits);

async function main(): Promise<void> {
  const cpus = os.cpus();
  const loadBefore = os.loadavg()[0]!;
  log(`machine: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, Node ${process.version}`);
  const gatewayOptions = { stores: options.stores, fileMb: options.quick ? 20 : 100, rounds: options.rounds ?? (options.quick ? 2 : 5), log };
  if (options.onlyWhileIndexing) {
    const result = await catWhileIndexing({ fileMb: gatewayOptions.fileMb, rounds: gatewayOptions.rounds, log });
    log(`load average ${fmt(loadBefore)} at the start, ${fmt(os.loadavg()[0]!)} at the end`);
    for (const line of indexingRows(result)) log(line);
    return;
  }
  if (options.onlyGateway) {
    const gateway = await gatewayOnOff(gatewayOptions);
    log(`load average ${fmt(loadBefore)} at the start, ${fmt(os.loadavg()[0]!)} at the end`);
    for (const line of onOffRows(gateway)) log(line);
    return;
  }
  const { rounds, byKind } = await replayRounds(options.replayRounds ?? (options.quick ? 2 : 5));
  const gateway = await gatewayOnOff(gatewayOptions);

  const loadAfter = os.loadavg()[0]!;
  const storedRatio = ({ recorded }: ReplayRound) => (recorded.chunkBytes + recorded.keyframeBytes) / recorded.outputBytes;
  const first = rounds[0]!.recorded;
  const kindRows = (Object.entries(byKind) as [CorpusKind, { raw: number; stored: number }][]).map(
    ([kind, { raw, stored }]) => `| ${kind} | ${fmt(raw / MB)} MB | ${fmt(stored / MB, 2)} MB | ${fmt(stored / raw, 3)} |`,
  );
  const quiet = loadBefore > 0.5 ? ' **Not a quiet machine at the start (load above 0.5): indicative, not a claim.**' : '';
  const lines = [
    '## Replay',
    '',
    `\`npm run bench:replay${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} (load average ${fmt(loadBefore)} at the start, ${fmt(loadAfter)} at the end), Node ${process.version}, Debian Chromium headless. ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.${quiet}`,
    '',
    `Synthetic session: ${fmt(first.duration / 60, 0)} min, ${fmt(first.outputBytes / MB)} MB of output (shell work, \`top\`-like redraws, log tails, large \`cat\`s), ${first.cols}×${first.rows}, recorded through RecordingLog into the file store and indexed as a finished recording is; ${rounds.length} rounds, each a new recording opened in a new browser. Figures are the median (min–max) of the rounds.`,
    '',
    '| measure | result | target (#13) |',
    '|---|---|---|',
    `| open: first rendered frame, cold (navigation start → screen; a new browser, a recording the server has not read; round 1 also a fresh server process) | ${over(rounds, (r) => r.player.coldMs)} ms | ≤ 500 ms |`,
    `| open: first rendered frame, warm (the same page again) | ${over(rounds, (r) => r.player.warmMs)} ms | |`,
    `| seek by clicking the timeline, ${rounds[0]!.player.seeks.length} random points a round: p95 of each round | ${over(rounds, (r) => percentile(r.player.seeks, 95))} ms | ≤ 100 ms, goal 50 |`,
    `| seek: p50 / max of each round | ${over(rounds, (r) => percentile(r.player.seeks, 50))} / ${over(rounds, (r) => Math.max(...r.player.seeks))} ms | |`,
    `| stored / output bytes (chunks ${fmt(first.chunkBytes / MB, 1)} MB + ${first.keyframes} keyframes ${fmt(first.keyframeBytes / MB, 1)} MB, first round) | ${over(rounds, storedRatio, 3)} | ≤ 0.25 |`,
    ...onOffRows(gateway),
    `| recorder alone (frame + append + seal), CPU per MB | ${over(rounds, (r) => r.recorded.recordCpuMsPerMb, 2)} ms | |`,
    `| indexing after the session (headless xterm: commands, keyframes, screen check, search lines) | ${over(rounds, (r) => r.recorded.indexSeconds, 1)} s = ${over(rounds, (r) => (r.recorded.indexSeconds * 1000) / (r.recorded.outputBytes / MB), 1)} ms per MB | off the data path |`,
    '',
    'Stored / output bytes per kind of output, each sealed alone as the recorder seals it (512 KB of frames, Brotli quality 1):',
    '',
    '| output | raw | stored | ratio |',
    '|---|---|---|---|',
    ...kindRows,
    '',
    `Notes: seeks are timed in the page from the click event to the frame after xterm has parsed the keyframe and the tail (ReplayPlayer.seek), against the events endpoint's code (getEvents) on a bare HTTP server. Keyframes are computed once after the session (a headless terminal on the data path would cost the indexing figure above per MB, more than the whole recorder); the recording-off figures come from the same gateway process with the same slots (masker included) but a pass-through recorder, on a bench-only route. Part 3 ran ${gateway.rounds} rounds, each store on and off in alternating order, one gateway process per store (${options.stores.join(', ')}; PostgreSQL and S3 with a PostgreSQL 15 database on this machine, S3 against s3rver). Runs: ${runsNote(gateway)}.`,
    '',
  ];
  const markdown = lines.join('\n');
  process.stdout.write(`${markdown}\n`);
  if (options.markdown) fs.appendFileSync(options.markdown, `\n${markdown}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dataDir, { recursive: true, force: true }));
