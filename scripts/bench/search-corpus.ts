import { encodeSqlEvent } from '@/lib/sql/sql-events';
import type { SyntheticEvent } from '@/server/search/testing/synthetic-recording';

/**
 * A realistic, deterministic corpus for the search benchmark: shell sessions (prompts, commands,
 * `ls -l`, logs with timestamps, git, kubectl, stack traces, errors) and SQL console sessions
 * (statements, results, errors), as masked recordings hold them.
 */

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const VOCABULARY = [
  'deploy',
  'postgres',
  'replica',
  'timeout',
  'checkout',
  'payment',
  'invoice',
  'worker',
  'scheduler',
  'migration',
  'backup',
  'restore',
  'gateway',
  'cluster',
  'session',
  'customer',
  'inventory',
  'shipment',
  'ledger',
  'webhook',
];
const SERVICES = ['api', 'billing', 'search', 'auth', 'orders', 'etl', 'cron', 'frontend'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const COMMANDS = [
  'ls -la /var/log',
  'tail -n 200 /var/log/app.log',
  'git log --oneline -20',
  'kubectl get pods -n prod',
  'systemctl status nginx',
  'df -h',
  'pg_dump --schema-only app > schema.sql',
  'grep -r "connection refused" /var/log',
  'docker ps',
  'journalctl -u worker --since today',
];
const ERRORS = ['connection refused', 'permission denied', 'No such file or directory', 'command not found', 'deadlock detected', 'disk quota exceeded'];

type Gen = { rand: () => number; t: number; events: SyntheticEvent[]; bytes: number };

const pick = <T>(gen: Gen, list: readonly T[]): T => list[Math.floor(gen.rand() * list.length)]!;
const hex = (gen: Gen, n: number) => Array.from({ length: n }, () => Math.floor(gen.rand() * 16).toString(16)).join('');
const ts = (gen: Gen) =>
  `2026-03-${String(1 + Math.floor(gen.rand() * 28)).padStart(2, '0')}T${String(Math.floor(gen.rand() * 24)).padStart(2, '0')}:${String(Math.floor(gen.rand() * 60)).padStart(2, '0')}:${(gen.rand() * 60).toFixed(3).padStart(6, '0')}Z`;

function push(gen: Gen, kind: SyntheticEvent[1], data: string): void {
  gen.t += 0.001 + gen.rand() * 0.05;
  gen.events.push([gen.t, kind, data]);
  gen.bytes += Buffer.byteLength(data);
}

function outputLine(gen: Gen): string {
  const r = gen.rand();
  if (r < 0.45)
    return `${ts(gen)} ${pick(gen, LEVELS)} [${pick(gen, SERVICES)}] ${pick(gen, VOCABULARY)} ${pick(gen, VOCABULARY)} id=${hex(gen, 12)} took ${Math.floor(gen.rand() * 900)}ms`;
  if (r < 0.6)
    return `-rw-r--r-- 1 deploy deploy ${Math.floor(gen.rand() * 1e6)} Mar ${1 + Math.floor(gen.rand() * 28)} 12:0${Math.floor(gen.rand() * 10)} ${pick(gen, VOCABULARY)}-${hex(gen, 4)}.log`;
  if (r < 0.7) return `${hex(gen, 7)} ${pick(gen, ['Fix', 'Add', 'Remove', 'Bump'])} ${pick(gen, VOCABULARY)} ${pick(gen, VOCABULARY)} handling`;
  if (r < 0.8) return `${pick(gen, SERVICES)}-${hex(gen, 10)}-${hex(gen, 5)}   1/1   Running   ${Math.floor(gen.rand() * 5)}   ${Math.floor(gen.rand() * 48)}h`;
  if (r < 0.9)
    return `    at ${pick(gen, VOCABULARY)}.${pick(gen, VOCABULARY)} (/srv/${pick(gen, SERVICES)}/lib/${pick(gen, VOCABULARY)}.js:${Math.floor(gen.rand() * 900)}:${Math.floor(gen.rand() * 80)})`;
  return `${pick(gen, SERVICES)}: error: ${pick(gen, ERRORS)} while ${pick(gen, VOCABULARY)} ${pick(gen, VOCABULARY)}`;
}

/** As bash 5 prints it: bracketed paste on while its line editor reads, off once Enter is pressed. */
const PROMPT = '\x1b[?2004h\x1b[01;32mdeploy@prod-1\x1b[00m:\x1b[01;34m~\x1b[00m$ ';

function shellSession(gen: Gen, targetBytes: number): void {
  push(gen, 'o', PROMPT);
  while (gen.bytes < targetBytes) {
    const command = pick(gen, COMMANDS);
    push(gen, 'i', `${command}\r`);
    push(gen, 'o', `${command}\r\n\x1b[?2004l\r`);
    const lines = 5 + Math.floor(gen.rand() * 120);
    for (let i = 0; i < lines; i += 20) {
      push(gen, 'o', Array.from({ length: Math.min(20, lines - i) }, () => `${outputLine(gen)}\r\n`).join(''));
    }
    gen.t += gen.rand() * 5;
    push(gen, 'o', PROMPT);
  }
}

function sqlSession(gen: Gen, targetBytes: number): void {
  let run = 0;
  while (gen.bytes < targetBytes) {
    const id = `r${run++}`;
    const table = pick(gen, VOCABULARY);
    const text =
      gen.rand() < 0.5
        ? `select * from ${table}s where ${pick(gen, VOCABULARY)}_id = ${Math.floor(gen.rand() * 1e6)} order by created_at desc limit 50`
        : `update ${table}s set status = '${pick(gen, ['done', 'failed', 'queued'])}' where id = ${Math.floor(gen.rand() * 1e6)}`;
    push(gen, 'm', encodeSqlEvent({ sql: 'run', id, script: text, editor: text }));
    push(gen, 'm', encodeSqlEvent({ sql: 'statement', id, index: 0, text }));
    const isError = gen.rand() < 0.1;
    const rows = isError ? [] : Array.from({ length: 1 + Math.floor(gen.rand() * 30) }, () => [hex(gen, 8), pick(gen, VOCABULARY), ts(gen)]);
    push(
      gen,
      'm',
      encodeSqlEvent({
        sql: 'result',
        id,
        index: 0,
        command: 'SELECT',
        columns: [
          { name: 'id', type: 'text' },
          { name: 'name', type: 'text' },
          { name: 'at', type: 'timestamptz' },
        ],
        rows,
        masked: [],
        rowCount: rows.length,
        durationMs: Math.floor(gen.rand() * 300),
        isTruncated: false,
        omittedRows: 0,
        error: isError ? { code: '40P01', message: `${pick(gen, ERRORS)} on relation ${table}s`, position: null } : null,
      }),
    );
    gen.t += gen.rand() * 10;
  }
}

/** One recording's events, about `bytes` of output or SQL events. */
export function syntheticRecording(seed: number, bytes: number): { events: SyntheticEvent[]; bytes: number; kind: 'ssh' | 'postgres' } {
  const gen: Gen = { rand: prng(seed), t: 0, events: [], bytes: 0 };
  const isSql = gen.rand() < 0.25;
  if (isSql) sqlSession(gen, bytes);
  else shellSession(gen, bytes);
  return { events: gen.events, bytes: gen.bytes, kind: isSql ? 'postgres' : 'ssh' };
}
