import http from 'node:http';
import path from 'node:path';
import type { Recorded } from './replay-record';

/**
 * Part 2 of `npm run bench:replay`: the replay page's player (replay-page.ts) in headless
 * Chromium against the events endpoint's code (getEvents) on a bare HTTP server. Each round
 * launches its own browser, so its first open is cold in the browser; the server has not read
 * that round's recording before (though from round 2 on its code is compiled: only round 1 is a
 * fresh server process).
 */

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

export type PlayerRound = { coldMs: number; warmMs: number; seeks: number[] };
export type PlayerServer = { port: number; close: () => void };

/** The page and its bundle, and the events endpoint for `userId` (an admin): once per run. */
export async function startPlayerServer(userId: string): Promise<PlayerServer> {
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
  const actor = { id: userId, email: 'bench@porthole.test', name: 'Bench', roles: ['engineer', 'admin'] as ('engineer' | 'admin')[], via: 'session' as const };
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
  return { port, close: () => server.close() };
}

/** One round: a fresh browser opens the recording twice (cold, then warm), then seeks `seekCount` times. */
export async function playRound(server: PlayerServer, recorded: Recorded, seekCount: number, seed: number): Promise<PlayerRound> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const query = new URLSearchParams({ id: recorded.id, duration: String(recorded.duration), cols: String(recorded.cols), rows: String(recorded.rows) });
    const opens: number[] = [];
    for (let i = 0; i < 2; i++) {
      await page.goto(`http://127.0.0.1:${server.port}/?${query.toString()}`);
      await page.waitForFunction(() => window.__firstFrameMs !== undefined || window.__error !== undefined, undefined, { timeout: 30_000 });
      const error = await page.evaluate(() => window.__error);
      if (error) throw new Error(`player: ${error}`);
      opens.push(await page.evaluate(() => window.__firstFrameMs ?? Number.NaN));
    }

    const box = (await page.locator('#timeline').boundingBox())!;
    let state = seed;
    const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < seekCount; i++) {
      const before = await page.evaluate(() => window.__seeks.length);
      await page.mouse.click(box.x + rand() * box.width, box.y + box.height / 2);
      await page.waitForFunction((n) => window.__seeks.length > n || window.__error !== undefined, before, { timeout: 30_000 });
    }
    const seeks = await page.evaluate(() => window.__seeks);
    return { coldMs: opens[0]!, warmMs: opens[1]!, seeks };
  } finally {
    await browser.close();
  }
}
