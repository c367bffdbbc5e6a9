import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { syntheticSession, type CorpusEvent, type CorpusKind } from './replay-corpus';
import { percentile } from './procedures';
import { fmt, gatewayOnOff, onOffRows, REPLAY_STORES, runsNote } from './replay-gateway';
import type { ReplayStore } from './replay-gateway-child';
import { catWhileIndexing, indexingRows } from './replay-indexing';

/**
 * `npm run bench:replay`: the recording and replay data path.
 *   1. a synthetic 1-hour, 100 MB session recorded through RecordingLog into the file store:
 *      recorder CPU per MB, stored bytes / output bytes per kind of output, indexing cost;
 *   2. headless Chromium opens it with the replay page's player: time to the first rendered
 *      frame, then 50 seeks by clicking a timeline at random points (click → rendered screen);
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
 */

type Options = { quick: boolean; markdown?: string; onlyGateway: boolean; onlyWhileIndexing: boolean; stores: ReplayStore[]; rounds?: number };
const options: Options = { quick: false, onlyGateway: false, onlyWhileIndexing: false, stores: ['file'] };
for (const arg of process.argv.slice(2)) {
  if (arg === '--quick') options.quick = true;
  else if (arg === '--gateway-only') options.onlyGateway = true;
  else if (arg === '--while-indexing') options.onlyWhileIndexing = true;
  else if (arg.startsWith('--markdown=')) options.markdown = arg.slice(11);
  else if (arg.startsWith('--rounds=') && Number(arg.slice(9)) > 0) options.rounds = Number(arg.slice(9));
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
const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-replay-'));
Object.assign(process.env, {
  NODE_ENV: 'production',
  PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
  PORTHOLE_DATA_DIR: dataDir,
  PORTHOLE_DEMO: '0',
  PORTHOLE_RECORDING_STORE: 'file',
});

type Recorded = {
  id: string;
  userId: string;
  duration: number;
  cols: number;
  rows: number;
  outputBytes: number;
  chunkBytes: number;
  keyframeBytes: number;
  keyframes: number;
  recordCpuMsPerMb: number;
  indexSeconds: number;
  byKind: Record<CorpusKind, { raw: number; stored: number }>;
};

/** Part 1: record the synthetic session, then index it as a finished recording is indexed. */
/** Each kind of output alone, sealed as the recorder seals it (512 KB of frames): raw and stored bytes. */
async function storedByKind(events: readonly CorpusEvent[]): Promise<Recorded['byKind']> {
  const { encodeFrames, sealChunkSync } = await import('@/server/recording/format');
  const byKindRaw = new Map<CorpusKind, { frames: Buffer[]; raw: number }>();
  for (const event of events) {
    if (event.kind !== 'o') continue;
    const entry = byKindRaw.get(event.corpus) ?? { frames: [], raw: 0 };
    entry.frames.push(encodeFrames([{ t: event.t, kind: 'o', data: event.data }]));
    entry.raw += event.data.length;
    byKindRaw.set(event.corpus, entry);
  }
  const byKind = {} as Recorded['byKind'];
  for (const [kind, entry] of byKindRaw) {
    const all = Buffer.concat(entry.frames);
    let stored = 0;
    for (let offset = 0; offset < all.length; offset += 512 * 1024) {
      const header = { seq: 0, eventCount: 0, rawBytes: 0, tStart: 0, tEnd: 0, prevHash: '0'.repeat(64) };
      stored += sealChunkSync(header, all.subarray(offset, offset + 512 * 1024)).bytes.length;
    }
    byKind[kind] = { raw: entry.raw, stored };
  }
  return byKind;
}

async function record(): Promise<Recorded> {
  const { openDb, setDb, db } = await import('@/db/client');
  const { recordings } = await import('@/db/recording-schema');
  const { sessions } = await import('@/db/schema');
  const { createUser } = await import('@/server/users/create-user');
  const { RecordingLog } = await import('@/server/recording/recording-log');
  const { recordingStore } = await import('@/server/recording/stores/select-store');
  const { statsColumns } = await import('@/server/recording/recorder');
  const { indexRecording } = await import('@/server/recording/index-recording');
  const { eq } = await import('drizzle-orm');

  setDb(await openDb({ driver: 'pglite' }));
  const user = await createUser({
    actor: null,
    input: { email: 'bench@porthole.test', name: 'Bench', password: randomBytes(12).toString('hex'), roles: ['engineer', 'admin'] },
  });
  const id = randomUUID();
  const cols = 120;
  const rows = 40;
  await db().insert(sessions).values({ id, userId: user.id, resourceName: 'bench-host', resourceType: 'ssh', status: 'ended' });
  await db().insert(recordings).values({ id, userId: user.id, store: 'file', formatVersion: 1, cols, rows });

  const writer = await recordingStore('file').create(id, (error) => {
    throw error;
  });
  let now = 0;
  const recordingLog = new RecordingLog({
    recordingId: id,
    writer,
    clock: () => now,
    onError: (error) => {
      throw error;
    },
  });
  const seconds = options.quick ? 600 : 3600;
  const outputBytes = options.quick ? 10 * MB : 100 * MB;
  // Generated first, so the CPU figure is the recorder's alone.
  const events = [...syntheticSession({ seconds, outputBytes, cols, rows })];
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  for (const event of events) {
    now = event.t;
    recordingLog.append(event.kind, event.data);
  }
  const stats = await recordingLog.finish();
  const cpu = process.cpuUsage(cpuBefore);
  log(
    `recorded ${fmt(stats.outputBytes / MB)} MB of output over ${fmt(stats.duration / 60)} min in ${fmt(Number(process.hrtime.bigint() - wallBefore) / 1e9, 2)} s`,
  );
  await db()
    .update(recordings)
    .set({ ...statsColumns(stats), status: 'complete', endedAt: new Date() })
    .where(eq(recordings.id, id));

  const indexStart = process.hrtime.bigint();
  await indexRecording(id);
  const indexSeconds = Number(process.hrtime.bigint() - indexStart) / 1e9;
  const keyframes = await recordingStore('file').listKeyframes(id);
  const keyframeBytes = keyframes.reduce((sum, k) => sum + k.storedBytes, 0);
  log(`indexed in ${fmt(indexSeconds, 2)} s: ${keyframes.length} keyframes, ${fmt(keyframeBytes / MB, 2)} MB`);

  const byKind = await storedByKind(events);
  return {
    id,
    userId: user.id,
    duration: stats.duration,
    cols,
    rows,
    outputBytes: stats.outputBytes,
    chunkBytes: stats.storedBytes,
    keyframeBytes,
    keyframes: keyframes.length,
    recordCpuMsPerMb: (cpu.user + cpu.system) / 1000 / (stats.outputBytes / MB),
    indexSeconds,
    byKind,
  };
}

/** Part 2: the player in headless Chromium against the events endpoint's code. */
async function replayInChromium(recorded: Recorded): Promise<{ firstFrameMs: number; seeks: number[]; seekWindowMs: number[] }> {
  const esbuild = await import('esbuild');
  const { getEvents } = await import('@/server/recording/get-events');
  const { errorResponse } = await import('@/server/api/with-api');
  const built = await esbuild.build({
    entryPoints: [path.join(__dirname, 'replay-page.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    platform: 'browser',
    outdir: 'out',
    loader: { '.css': 'css' },
    absWorkingDir: ROOT,
    logLevel: 'error',
  });
  const js = built.outputFiles.find((file) => file.path.endsWith('.js'))!.contents;
  const css = built.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
  const actor = {
    id: recorded.userId,
    email: 'bench@porthole.test',
    name: 'Bench',
    roles: ['engineer', 'admin'] as ('engineer' | 'admin')[],
    via: 'session' as const,
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css} body{margin:0;background:#111} #timeline{height:40px;background:#334;cursor:pointer;margin-top:8px}</style></head><body><div id="terminal"></div><div id="timeline"></div><script src="/bench.js"></script></body></html>`;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    if (url.pathname === '/bench.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(Buffer.from(js));
    const match = /^\/api\/v1\/recordings\/([^/]+)\/events$/.exec(url.pathname);
    if (!match) return res.writeHead(404).end();
    getEvents({ actor, recordingId: match[1]!, query: Object.fromEntries(url.searchParams) }).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      async (error: unknown) => {
        const response = errorResponse(error);
        res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const query = new URLSearchParams({ id: recorded.id, duration: String(recorded.duration), cols: String(recorded.cols), rows: String(recorded.rows) });
    // A cold first open, then a warm one (the server's chunk cache and the browser's bundle cache).
    const firstFrames: number[] = [];
    for (let i = 0; i < 2; i++) {
      await page.goto(`http://127.0.0.1:${port}/?${query.toString()}`);
      await page.waitForFunction(() => window.__firstFrameMs !== undefined || window.__error !== undefined, undefined, { timeout: 30_000 });
      const error = await page.evaluate(() => window.__error);
      if (error) throw new Error(`player: ${error}`);
      firstFrames.push(await page.evaluate(() => window.__firstFrameMs ?? Number.NaN));
    }
    log(`first frame: cold ${fmt(firstFrames[0]!, 0)} ms, warm ${fmt(firstFrames[1]!, 0)} ms`);

    const box = (await page.locator('#timeline').boundingBox())!;
    const count = options.quick ? 20 : 50;
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < count; i++) {
      const before = await page.evaluate(() => window.__seeks.length);
      await page.mouse.click(box.x + rand() * box.width, box.y + box.height / 2);
      await page.waitForFunction((n) => window.__seeks.length > n || window.__error !== undefined, before, { timeout: 30_000 });
    }
    const seeks = await page.evaluate(() => window.__seeks);
    log(`seeks: p50 ${fmt(percentile(seeks, 50), 0)} ms, p95 ${fmt(percentile(seeks, 95), 0)} ms, max ${fmt(Math.max(...seeks), 0)} ms`);
    return { firstFrameMs: firstFrames[0]!, seeks, seekWindowMs: firstFrames };
  } finally {
    await browser.close();
    server.close();
  }
}

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
  const recorded = await record();
  const chromium = await replayInChromium(recorded);
  const gateway = await gatewayOnOff(gatewayOptions);

  const loadAfter = os.loadavg()[0]!;
  const storedRatio = (recorded.chunkBytes + recorded.keyframeBytes) / recorded.outputBytes;
  const kindRows = (Object.entries(recorded.byKind) as [CorpusKind, { raw: number; stored: number }][]).map(
    ([kind, { raw, stored }]) => `| ${kind} | ${fmt(raw / MB)} MB | ${fmt(stored / MB, 2)} MB | ${fmt(stored / raw, 3)} |`,
  );
  const lines = [
    '## Replay',
    '',
    `\`npm run bench:replay${options.quick ? ' -- --quick' : ''}\` on ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} shared with other work (load average ${fmt(loadBefore)} at the start, ${fmt(loadAfter)} at the end), Node ${process.version}, Debian Chromium headless. ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Synthetic session: ${fmt(recorded.duration / 60, 0)} min, ${fmt(recorded.outputBytes / MB)} MB of output (shell work, \`top\`-like redraws, log tails, large \`cat\`s), ${recorded.cols}×${recorded.rows}, recorded through RecordingLog into the file store and indexed as a finished recording is.`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    `| open: first rendered frame (cold, navigation start → screen) | ${fmt(chromium.firstFrameMs, 0)} ms (warm ${fmt(chromium.seekWindowMs[1] ?? Number.NaN, 0)} ms) | ≤ 1 s |`,
    `| seek by clicking the timeline, ${chromium.seeks.length} random points: p50 / p95 / max | ${fmt(percentile(chromium.seeks, 50), 0)} / ${fmt(percentile(chromium.seeks, 95), 0)} / ${fmt(Math.max(...chromium.seeks), 0)} ms | p95 ≤ 100 ms |`,
    `| stored / output bytes (chunks ${fmt(recorded.chunkBytes / MB, 1)} MB + ${recorded.keyframes} keyframes ${fmt(recorded.keyframeBytes / MB, 1)} MB) | ${fmt(storedRatio, 3)} | ≤ 0.35 |`,
    ...onOffRows(gateway),
    `| recorder alone (frame + append + Brotli-1 seal), CPU per MB | ${fmt(recorded.recordCpuMsPerMb, 2)} ms | |`,
    `| indexing after the session (headless xterm: commands, keyframes, heatmap) | ${fmt(recorded.indexSeconds, 1)} s = ${fmt((recorded.indexSeconds * 1000) / (recorded.outputBytes / MB), 1)} ms per MB | off the data path |`,
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
