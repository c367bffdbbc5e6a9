/**
 * A deterministic synthetic terminal session for the replay benchmark: an hour of mixed work
 * with the byte mix of a real session: shell work (typed commands, short coloured output),
 * `top`-like full-screen redraws, log tails, and large `cat`s of text files.
 */

export type CorpusKind = 'shell' | 'top' | 'logs' | 'cat';
export type CorpusEvent = { t: number; kind: 'o' | 'i' | 'r'; data: Buffer; corpus: CorpusKind };

/** mulberry32: small, fast, seedable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'the request handler returns error when connection pool is exhausted retry after backoff config value user session token cache miss hit write read flush commit rollback query index table column row migrate deploy build test lint service worker queue message event stream buffer socket timeout deadline context cancel'.split(
    ' ',
  );
const COMMANDS = [
  'ls -la',
  'git status',
  'git log --oneline -5',
  'kubectl get pods -n api',
  'df -h',
  'cat /etc/os-release',
  'grep -rn TODO src | head',
  'docker ps',
  'systemctl status nginx',
  'ps aux | head',
];
const LEVELS = ['\x1b[32mINFO\x1b[0m', '\x1b[33mWARN\x1b[0m', '\x1b[31mERROR\x1b[0m', '\x1b[36mDEBUG\x1b[0m'];

const PROMPT = '\x1b[01;32mdev@host\x1b[00m:\x1b[01;34m~/app\x1b[00m$ ';

export function* syntheticSession({
  seconds = 3600,
  outputBytes = 100e6,
  seed = 42,
  cols = 120,
  rows = 40,
}: { seconds?: number; outputBytes?: number; seed?: number; cols?: number; rows?: number } = {}): Generator<CorpusEvent> {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  let t = 0;
  let emitted = 0;
  // Byte budget per second keeps the session near `outputBytes` over `seconds`.
  const bytesPerSecond = outputBytes / seconds;
  const out = (data: string, corpus: CorpusKind): CorpusEvent => {
    const bytes = Buffer.from(data);
    emitted += bytes.length;
    return { t, kind: 'o', data: bytes, corpus };
  };

  yield out(PROMPT, 'shell');
  while (t < seconds && emitted < outputBytes) {
    const behind = t * bytesPerSecond - emitted;
    const phase = rand();
    if (behind > 2e6 || phase < 0.25) {
      // A large cat: text at 2-10 MB/s in 32 KB reads.
      const command = `cat logs/app-${Math.floor(rand() * 100)}.log`;
      for (const ch of command) {
        t += 0.05 + rand() * 0.1;
        yield { t, kind: 'i', data: Buffer.from(ch), corpus: 'shell' };
        yield out(ch, 'shell');
      }
      t += 0.1;
      yield { t, kind: 'i', data: Buffer.from('\r'), corpus: 'shell' };
      yield out('\r\n', 'shell');
      const size = Math.max(200_000, Math.min(30e6, behind + rand() * 2e6));
      const rate = 2e6 + rand() * 8e6;
      let sent = 0;
      while (sent < size) {
        const piece = catPiece(sent, rand, pick, sentence);
        t += piece.length / rate;
        sent += piece.length;
        yield out(piece, 'cat');
      }
      yield out(PROMPT, 'shell');
    } else if (phase < 0.5) {
      // top: a full redraw every 1-3 s for a minute or two.
      const frames = 20 + Math.floor(rand() * 60);
      for (let f = 0; f < frames && t < seconds; f++) {
        const screen = topScreen(f, rows, rand, pick);
        t += 1 + rand() * 2;
        yield out(screen, 'top');
      }
      t += 0.5;
      yield { t, kind: 'i', data: Buffer.from('q'), corpus: 'top' };
      yield out(`\x1b[H\x1b[2J${PROMPT}`, 'shell');
    } else if (phase < 0.75) {
      // tail -f: a line every 10-500 ms for a while.
      const lines = 100 + Math.floor(rand() * 1500);
      for (let l = 0; l < lines && t < seconds; l++) {
        t += 0.01 + rand() * 0.5;
        yield out(logLine(t, rand, pick, sentence), 'logs');
      }
      yield { t, kind: 'i', data: Buffer.from('\x03'), corpus: 'logs' };
      yield out(`^C\r\n${PROMPT}`, 'shell');
    } else {
      // Shell work: typed commands with short output, and idle thinking time.
      const command = pick(COMMANDS);
      t += 2 + rand() * 20;
      for (const ch of command) {
        t += 0.05 + rand() * 0.15;
        yield { t, kind: 'i', data: Buffer.from(ch), corpus: 'shell' };
        yield out(ch, 'shell');
      }
      t += 0.2;
      yield { t, kind: 'i', data: Buffer.from('\r'), corpus: 'shell' };
      const output = shortOutput(rand, pick, sentence);
      t += 0.05;
      yield out(output + PROMPT, 'shell');
    }
    if (rand() < 0.01) {
      t += 0.5;
      yield { t, kind: 'r', data: Buffer.from(`${cols}x${rows}`), corpus: 'shell' };
    }
  }
}

type Pick = <T>(items: readonly T[]) => T;

/** One full redraw of `top`: header, task line and `rows - 4` processes. */
function topScreen(f: number, rows: number, rand: () => number, pick: Pick): string {
  let screen = `\x1b[H\x1b[2Jtop - ${String(10 + (f % 50)).padStart(2, '0')}:00:00 up 3 days, load average: ${(rand() * 4).toFixed(2)}, ${(rand() * 4).toFixed(2)}\r\n`;
  screen += `Tasks: ${200 + Math.floor(rand() * 20)} total, \x1b[1m${Math.floor(rand() * 5)}\x1b[0m running\r\n\x1b[7m  PID USER      PR  NI    VIRT    RES  %CPU %MEM     TIME+ COMMAND\x1b[0m\r\n`;
  for (let r = 0; r < rows - 4; r++) {
    screen += `${String(1000 + r * 37).padStart(5)} ${pick(['root', 'dev', 'www-data']).padEnd(9)} 20   0 ${String(Math.floor(rand() * 900000)).padStart(7)} ${String(Math.floor(rand() * 90000)).padStart(6)} ${(rand() * 100).toFixed(1).padStart(5)} ${(rand() * 10).toFixed(1).padStart(4)} ${Math.floor(rand() * 99)}:${String(Math.floor(rand() * 60)).padStart(2, '0')}.${String(Math.floor(rand() * 99)).padStart(2, '0')} ${pick(['node', 'postgres', 'nginx', 'sshd', 'bash'])}\r\n`;
  }
  return screen;
}

/** A short command's output: a few coloured lines of words. */
function shortOutput(rand: () => number, pick: Pick, sentence: (n: number) => string): string {
  let output = '\r\n';
  const lines = 3 + Math.floor(rand() * 25);
  for (let l = 0; l < lines; l++)
    output += `${pick(['\x1b[01;34m', '', '\x1b[01;32m'])}${sentence(2 + Math.floor(rand() * 6)).replace(/ /g, pick(['  ', '-', '_']))}\x1b[0m\r\n`;
  return output;
}

/** About 32 KB of an application log, as `cat` prints it (timestamps from the bytes sent so far). */
function catPiece(sent: number, rand: () => number, pick: Pick, sentence: (n: number) => string): string {
  let piece = '';
  while (piece.length < 32 * 1024)
    piece += `${new Date(1.7e12 + sent * 10).toISOString()} ${pick(['api', 'db', 'web'])}[${Math.floor(rand() * 9999)}]: ${sentence(6 + Math.floor(rand() * 10))}\r\n`;
  return piece;
}

/** One coloured line of `tail -f` at time `t`. */
function logLine(t: number, rand: () => number, pick: Pick, sentence: (n: number) => string): string {
  return `${new Date(1.7e12 + t * 1000).toISOString()} ${pick(LEVELS)} ${pick(['http', 'db', 'auth'])}: ${sentence(5 + Math.floor(rand() * 12))} id=${Math.floor(rand() * 1e9)}\r\n`;
}
