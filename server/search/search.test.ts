import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordingSearchStates, searchEntries } from '@/db/search-schema';
import { sessions } from '@/db/schema';
import { encodeSqlEvent, type SqlEventInput } from '@/lib/sql/sql-events';
import type { EventKind } from '@/server/recording/format';
import { createAnnotation } from '@/server/recording/annotations/create-annotation';
import { deleteAnnotation } from '@/server/recording/annotations/delete-annotation';
import { updateAnnotation } from '@/server/recording/annotations/update-annotation';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeResource, makeUser, postgresResource, sshResource } from '@/test/factories';
import { backfillSearch } from './backfill-search';
import { searchRecording } from './search-recording';
import { searchRecordings } from './search-recordings';
import { recordSynthetic, type SyntheticEvent } from './testing/synthetic-recording';

const PROMPT = '\x1b[01;32mdev@box\x1b[00m:~$ ';
/** A realistic AWS key (not the docs' example key, which the masker leaves alone as benign). */
const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';

/** `sleep 2⏎echo typed-ahead⏎`, `ls -la⏎echo right-after-ls⏎` typed at once: recorded from bash 5.2 through the gateway. */
function typedAheadEvents(): SyntheticEvent[] {
  const file = path.join(__dirname, '..', 'recording', 'testing', 'bash-streams', 'typed-ahead.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { events: [number, EventKind, string][] }).events;
}

const shell = (t: number, command: string, output: string[]): SyntheticEvent[] => [
  [t, 'i', `${command}\r`],
  [t + 0.01, 'o', `${command}\r\n`],
  [t + 0.05, 'o', output.map((line) => `${line}\r\n`).join('')],
  [t + 0.06, 'o', PROMPT],
];

function sqlEvents(t: number, text: string, error: string | null): SyntheticEvent[] {
  const id = `run-${t}`;
  const result: SqlEventInput = {
    sql: 'result',
    id,
    index: 0,
    command: 'SELECT',
    columns: [],
    rows: [],
    masked: [],
    rowCount: error ? null : 0,
    durationMs: 3,
    isTruncated: false,
    omittedRows: 0,
    error: error ? { code: '42P01', message: error, position: null } : null,
  };
  return [
    [t, 'm', encodeSqlEvent({ sql: 'run', id, script: text, editor: text })],
    [t + 0.001, 'm', encodeSqlEvent({ sql: 'statement', id, index: 0, text })],
    [t + 0.01, 'm', encodeSqlEvent(result)],
  ];
}

const q = (text: string, extra: Record<string, unknown> = {}) => ({ q: text, ...extra });
const hitsOf = (response: Awaited<ReturnType<typeof searchRecordings>>) => response.recordings.flatMap((group) => group.hits);

describeEachDriver('cross-recording search', (driver) => {
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: driver === 'pglite' ? 'file' : 'postgres' }));

  async function shellRecording(userId: string, extra: { resourceId?: string; startedAt?: Date } = {}) {
    return recordSynthetic({
      userId,
      ...extra,
      events: [
        [0.1, 'o', PROMPT],
        ...shell(1, 'pg_dump --schema-only app', ['pg_dump: error: connection to server failed: Connection refused']),
        ...shell(3, 'cat notes.txt', ['naïve café 日本語 logs', 'rate is 100% of tests_passed', 'C:\\temp\\dir and .*[regex(']),
        ...shell(5, 'ls /nonexistent', ["ls: cannot access '/nonexistent': No such file or directory"]),
      ],
    });
  }

  it('indexes a sealed recording: words, prefix, phrase and substring, each hit at its moment', async () => {
    const { user, actor } = await makeUser();
    const id = await shellRecording(user.id);

    const words = await searchRecordings({ actor, query: q('connection refused') });
    expect(words.total).toBe(1);
    expect(words.recordings[0]!.recordingId).toBe(id);
    const hit = words.recordings[0]!.hits.find((h) => h.kind === 'output')!;
    expect(hit.t).toBeCloseTo(1.05, 2);
    expect(hit.snippet).toContain('Connection refused');
    expect(new Set(hit.highlights.map(([a, b]) => hit.snippet.slice(a, b).toLowerCase()))).toEqual(new Set(['connection', 'refused']));

    // The last word is a prefix: what is typed so far finds the command.
    for (const typed of ['pg_dump schem', 'pg_du', 'schema only']) {
      const prefix = hitsOf(await searchRecordings({ actor, query: q(typed) }));
      expect(
        prefix.some((h) => h.kind === 'command' && h.snippet === 'pg_dump --schema-only app'),
        typed,
      ).toBe(true);
    }
    expect(hitsOf(await searchRecordings({ actor, query: q('nonexist') })).length).toBeGreaterThan(0);

    const phrase = hitsOf(await searchRecordings({ actor, query: q('"server failed"') }));
    expect(phrase).toHaveLength(1);
    expect(hitsOf(await searchRecordings({ actor, query: q('"failed server"') }))).toHaveLength(0);
    expect(
      hitsOf(await searchRecordings({ actor, query: q('"pg_dump schema only"') }))
        .map((h) => h.kind)
        .sort(),
    ).toEqual(['command', 'output']);

    const substring = hitsOf(await searchRecordings({ actor, query: q('dump --sche') }));
    expect(substring.map((h) => h.kind).sort()).toEqual(['command', 'output']);
    const output = substring.find((h) => h.kind === 'output')!;
    expect(output.snippet.slice(...output.highlights[0]!)).toBe('dump --sche');
    expect(hitsOf(await searchRecordings({ actor, query: q('ERROR:') })).some((h) => h.snippet.includes('error: connection'))).toBe(true);
    expect(hitsOf(await searchRecordings({ actor, query: q('/nonexist') })).length).toBeGreaterThan(0);
    // The failed command (the shell printed why) is marked failed.
    const failed = hitsOf(await searchRecordings({ actor, query: q('ls /nonexistent', { failedOnly: '1', kind: 'command' }) }));
    expect(failed).toEqual([expect.objectContaining({ kind: 'command', failed: true, snippet: 'ls /nonexistent' })]);
  });

  it('combines a phrase with words or a substring, reads a quote left open as a phrase and `word*` as a prefix', async () => {
    const { user, actor } = await makeUser();
    await shellRecording(user.id);
    const kinds = async (text: string) =>
      hitsOf(await searchRecordings({ actor, query: q(text) }))
        .map((h) => h.kind)
        .sort();
    // Every part must hold, on the same line: the phrase, then a word or a substring.
    expect(await kinds('"server failed" refused')).toEqual(['output']);
    expect(await kinds('ERROR: "connection refused"')).toEqual(['output']);
    expect(await kinds('"server failed" replica')).toEqual([]);
    expect(await kinds('"server failed" "file such"')).toEqual([]);
    const combined = hitsOf(await searchRecordings({ actor, query: q('"server failed" refused') }))[0]!;
    expect(combined.highlights.map(([a, b]) => combined.snippet.slice(a, b).toLowerCase())).toEqual(['server failed', 'refused']);
    // A quote left open is a phrase to the end of the query.
    expect(await kinds('"server failed')).toEqual(['output']);
    expect(await kinds('"failed server')).toEqual([]);
    // `word*` is a prefix wherever it stands; without the star only the last word is.
    expect(await kinds('schem* pg_dump')).toEqual(['command', 'output']);
    expect(await kinds('schem pg_dump')).toEqual([]);
    expect((await rejectsWith(searchRecordings({ actor, query: q('"') }), 'VALIDATION')).userMessage).toMatch(/Type something/);
    expect((await rejectsWith(searchRecordings({ actor, query: q('"" "  "') }), 'VALIDATION')).userMessage).toMatch(/Type something/);
  });

  it('finds a phrase only where its words stand side by side on one line, in order', async () => {
    const { user, actor } = await makeUser();
    await recordSynthetic({
      userId: user.id,
      events: [
        [0.1, 'o', PROMPT],
        ...shell(1, 'tail -n 3 ha.log', ['the server is up; it never failed', 'switched to the standby server', 'failed over at noon: server, failed twice']),
      ],
    });
    const found = async (text: string) => hitsOf(await searchRecordings({ actor, query: q(text) })).filter((h) => h.kind === 'output');
    const [hit] = await found('"server failed"');
    expect(hit!.snippet).toBe('failed over at noon: server, failed twice');
    expect(hit!.snippet.slice(...hit!.highlights[0]!)).toBe('server, failed');
    // Far apart on a line, across a line break, or out of order: not the phrase.
    expect(await found('"server never"')).toHaveLength(0);
    expect(await found('"standby server failed"')).toHaveLength(0);
    expect(await found('"failed server"')).toHaveLength(0);
    expect(await searchRecordings({ actor, query: q('"standby server failed"') })).toMatchObject({ total: 0, recordings: [] });
  });

  it('finds ids, numbers and durations, which the word index leaves out, at a word start as words match', async () => {
    const { user, actor } = await makeUser();
    await recordSynthetic({
      userId: user.id,
      events: [
        [0.1, 'o', PROMPT],
        ...shell(1, 'tail -n 1 app.log', ['2026-03-05T12:34:56.789Z INFO [api] request id=3fa2b9c01d2e took 512ms status 404']),
        ...shell(3, 'node --version', ['node v20.11 build 7 done']),
      ],
    });
    const found = async (text: string) => hitsOf(await searchRecordings({ actor, query: q(text) })).filter((h) => h.kind === 'output');
    const [id] = await found('3fa2b9c01d2e');
    expect(id!.t).toBeCloseTo(1.05, 2);
    expect(id!.snippet.slice(...id!.highlights[0]!)).toBe('3fa2b9c01d2e');
    // The last word is a prefix, as for words of letters; inside a word is not a word's start.
    expect(await found('3fa2b9')).toHaveLength(1);
    expect(await found('fa2b9c')).toHaveLength(0);
    expect(await found('request 512ms')).toHaveLength(1);
    expect(await found('512ms request')).toHaveLength(1);
    expect(await found('512 request')).toHaveLength(0);
    expect(await found('404')).toHaveLength(1);
    expect(await found('build 7')).toHaveLength(1);
    expect(await found('v20')).toHaveLength(1);
    expect(await found('"took 512ms"')).toHaveLength(1);
    expect(await found('"512ms took"')).toHaveLength(0);
    expect(await found('"build 7 done"')).toHaveLength(1);
    // The word index leaves the number out, so it sees `took` and `status` side by side; the text does not.
    expect(await searchRecordings({ actor, query: q('"512ms status"') })).toMatchObject({ total: 1 });
    expect(await searchRecordings({ actor, query: q('"took status"') })).toMatchObject({ total: 0, recordings: [] });
    // A number of one or two characters alone has nothing to look up: a clear message.
    expect((await rejectsWith(searchRecordings({ actor, query: q('7') }), 'VALIDATION')).userMessage).toMatch(/at least 3 characters to search for a number/);
  });

  it('finds words inside angle brackets (usage lines, placeholders, tags), which PostgreSQL would read as markup', async () => {
    const { user, actor } = await makeUser();
    await recordSynthetic({
      userId: user.id,
      events: [[0.1, 'o', PROMPT], ...shell(1, 'deploy', ['Usage: deploy <environment> [--dry-run]', 'Config at <b>staging</b>', 'error: <missing-argument>'])],
    });
    const found = async (text: string) => hitsOf(await searchRecordings({ actor, query: q(text) })).filter((h) => h.kind === 'output');
    for (const word of ['environment', 'staging', 'missing', 'argument', '"usage deploy environment"']) expect(await found(word), word).toHaveLength(1);
    const [hit] = await found('environment');
    expect(hit!.snippet.slice(...hit!.highlights[0]!)).toBe('environment');
    // A phrase is found, and highlighted, across the punctuation between its words.
    const [phrase] = await found('"usage deploy environment"');
    expect(phrase!.snippet.slice(...phrase!.highlights[0]!)).toBe('Usage: deploy <environment');
    expect(await found('"deploy usage"')).toHaveLength(0);
  });

  it('finds commands typed ahead of the prompt', async () => {
    const { user, actor } = await makeUser();
    await recordSynthetic({ userId: user.id, events: typedAheadEvents() });
    for (const text of ['echo typed-ahead', 'echo right-after-ls']) {
      const hits = hitsOf(await searchRecordings({ actor, query: q(text, { kind: 'command' }) }));
      expect(hits.map((h) => h.snippet)).toEqual([text]);
    }
  });

  it('never indexes a secret, whether printed whole or formed only on the screen', async () => {
    const { user, actor } = await makeUser();
    const id = await recordSynthetic({
      userId: user.id,
      events: [
        [0.1, 'o', PROMPT],
        // The head printed over the tail: the byte stream never holds the key whole.
        [1, 'o', `\x1b[9G${AWS_KEY.slice(8)} formed-on-screen\r${AWS_KEY.slice(0, 8)}\r\n`],
        // A line the gateway's masker would have caught, were this a live session.
        [2, 'o', `export AWS_ACCESS_KEY_ID=${AWS_KEY} printed-whole\r\n`],
        [3, 'o', PROMPT],
      ],
    });
    expect(hitsOf(await searchRecordings({ actor, query: q('formed on screen') }))).toHaveLength(1);
    expect(hitsOf(await searchRecordings({ actor, query: q('printed whole') }))).toHaveLength(1);
    for (const probe of [AWS_KEY, AWS_KEY.slice(0, 8), AWS_KEY.slice(8), AWS_KEY.slice(4, 16), AWS_KEY.toLowerCase().slice(6)]) {
      expect(hitsOf(await searchRecordings({ actor, query: q(probe) })), probe).toHaveLength(0);
      expect((await searchRecording({ actor, recordingId: id, query: q(probe) })).hits, probe).toHaveLength(0);
    }
    const rows = await db().select().from(searchEntries).where(eq(searchEntries.recordingId, id));
    expect(rows.map((row) => row.text).join('\n')).not.toMatch(/RHUNWS7|WS7DR4ERD7TI|AKIARHUN/);
  });

  it('shows an engineer their own recordings only, auditors everyone (owner filter), and private notes to their author', async () => {
    const alice = await makeUser({ name: 'Alice' });
    const bob = await makeUser({ name: 'Bob' });
    const auditor = await makeUser({ roles: ['auditor'], name: 'Audrey' });
    const aliceRecording = await shellRecording(alice.user.id);
    const bobRecording = await recordSynthetic({ userId: bob.user.id, events: [[0.1, 'o', 'bob-only connection refused too\r\n']] });

    const asBob = await searchRecordings({ actor: bob.actor, query: q('connection refused') });
    expect(asBob.total).toBe(1);
    expect(asBob.recordings.map((r) => r.recordingId)).toEqual([bobRecording]);
    // Not a hit, not a count, not even an owner filter widens it.
    const widened = await searchRecordings({ actor: bob.actor, query: q('pg_dump', { ownerId: alice.user.id }) });
    expect(widened).toMatchObject({ total: 0, recordings: [], indexing: null });
    await rejectsWith(searchRecording({ actor: bob.actor, recordingId: aliceRecording, query: q('pg_dump') }), 'NOT_FOUND');
    // An engineer without recordings finds nothing, by word or by substring.
    const carol = await makeUser({ name: 'Carol' });
    for (const text of ['connection refused', 'ERROR:']) {
      expect(await searchRecordings({ actor: carol.actor, query: q(text) })).toMatchObject({ total: 0, recordings: [] });
    }

    const asAuditor = await searchRecordings({ actor: auditor.actor, query: q('connection refused') });
    expect(asAuditor.recordings.map((r) => r.userName).sort()).toEqual(['Alice', 'Bob']);
    const onlyAlice = await searchRecordings({ actor: auditor.actor, query: q('connection refused', { ownerId: alice.user.id }) });
    expect(onlyAlice.recordings.map((r) => r.recordingId)).toEqual([aliceRecording]);

    const note = await createAnnotation({
      actor: alice.actor,
      recordingId: aliceRecording,
      input: { t: 3, body: 'remember the vacuum trick', tags: ['postgres-tips'] },
    });
    expect(hitsOf(await searchRecordings({ actor: alice.actor, query: q('vacuum trick') }))).toEqual([
      expect.objectContaining({ kind: 'note', annotationId: note.id, t: 3 }),
    ]);
    expect(hitsOf(await searchRecordings({ actor: alice.actor, query: q('#postgres-tips') }))).toHaveLength(1);
    expect(hitsOf(await searchRecordings({ actor: auditor.actor, query: q('vacuum') }))).toHaveLength(0);
    await updateAnnotation({ actor: alice.actor, recordingId: aliceRecording, annotationId: note.id, input: { body: 'autovacuum settings', isShared: true } });
    expect(hitsOf(await searchRecordings({ actor: alice.actor, query: q('trick') }))).toHaveLength(0);
    expect(hitsOf(await searchRecordings({ actor: auditor.actor, query: q('autovacuum') }))).toHaveLength(1);
    await deleteAnnotation({ actor: alice.actor, recordingId: aliceRecording, annotationId: note.id });
    expect(hitsOf(await searchRecordings({ actor: alice.actor, query: q('autovacuum') }))).toHaveLength(0);
  });

  it('filters by resource, resource type, dates, kind and failure; sorts newest first or by relevance', async () => {
    const { user, actor } = await makeUser();
    const ssh = await makeResource(sshResource());
    const pg = await makeResource(postgresResource());
    const older = await shellRecording(user.id, { resourceId: ssh.id, startedAt: new Date('2026-03-02T10:00:00Z') });
    const newer = await recordSynthetic({
      userId: user.id,
      resourceId: pg.id,
      resourceName: pg.name,
      resourceType: 'postgres',
      startedAt: new Date('2026-03-05T10:00:00Z'),
      events: [
        ...sqlEvents(1, 'select * from refused_connections', 'relation "refused_connections" does not exist'),
        ...sqlEvents(2, 'select 1 -- connection', null),
      ],
    });
    const ids = async (extra: Record<string, unknown>, text = 'connection') =>
      (await searchRecordings({ actor, query: q(text, extra) })).recordings.map((r) => r.recordingId);
    expect(await ids({})).toEqual([newer, older]);
    expect(await ids({ resourceId: ssh.id })).toEqual([older]);
    expect(await ids({ resourceType: 'postgres' })).toEqual([newer]);
    expect(await ids({ from: '2026-03-03' })).toEqual([newer]);
    expect(await ids({ to: '2026-03-02' })).toEqual([older]);
    expect(await ids({ from: '2026-03-06' })).toEqual([]);
    expect(await ids({ kind: 'sql' })).toEqual([newer]);
    expect(await ids({ kind: 'output' })).toEqual([older]);

    const failedSql = await searchRecordings({ actor, query: q('refused_connections', { failedOnly: 'true' }) });
    expect(failedSql.recordings[0]!.hits.map((h) => [h.kind, h.snippet])).toEqual(
      expect.arrayContaining([
        ['sql', 'select * from refused_connections'],
        ['sql', 'relation "refused_connections" does not exist'],
      ]),
    );
    expect(failedSql.recordings[0]!.hitCount).toBe(2);
    expect((await ids({ sort: 'relevance' }, 'refused')).sort()).toEqual([newer, older].sort());
    const page = await searchRecordings({ actor, query: q('connection', { limit: '1' }) });
    expect(page).toMatchObject({ total: 2, hasMore: true });
    expect(page.recordings).toHaveLength(1);

    const inOne = await searchRecording({ actor, recordingId: older, query: q('connection') });
    expect(inOne.hits.map((h) => h.t)).toEqual([...inOne.hits.map((h) => h.t)].sort((a, b) => a - b));
    expect(inOne).toMatchObject({ truncated: false });
  });

  it('answers odd input with results or a clear message, never a failure', async () => {
    const { user, actor } = await makeUser();
    await shellRecording(user.id);
    const found = async (text: string) => hitsOf(await searchRecordings({ actor, query: q(text) })).length;
    expect(await found('naïve café')).toBe(1);
    expect(await found('日本語')).toBe(1);
    expect(await found('.*[regex(')).toBe(1);
    expect(await found('100%')).toBe(1);
    expect(await found('100%_')).toBe(0);
    expect(await found('tests_passed')).toBe(1);
    expect(await found('C:\\temp')).toBe(1);
    expect(await found("'; drop table search_entries; --")).toBe(0);
    expect(await found('a & b | !c:*')).toBe(0);
    expect(await found('(((')).toBe(0);
    // Substrings are matched literally, never as a regex: `^` is no anchor, `\d` no digit.
    expect(await found('^rate')).toBe(0);
    expect(await found('\\d{3}')).toBe(0);
    expect(await found('\\dir')).toBe(1);
    expect(await found('0% of')).toBe(1);
    expect(await found('\\temp\\')).toBe(1);
    expect(await found('RATE IS 100%')).toBe(1);
    // A NUL (which PostgreSQL text cannot hold) separates words.
    expect(await found('rate\u0000is')).toBe(1);
    expect((await rejectsWith(searchRecordings({ actor, query: q('   ') }), 'VALIDATION')).userMessage).toMatch(/Type something/);
    expect((await rejectsWith(searchRecordings({ actor, query: q('x'.repeat(1001)) }), 'VALIDATION')).userMessage).toMatch(/at most 1,000/);
    expect((await rejectsWith(searchRecordings({ actor, query: q('-l') }), 'VALIDATION')).userMessage).toMatch(/at least 3 characters/);
    expect(await found('x'.repeat(1000))).toBe(0);
  });

  it('backfills recordings sealed before search existed, with progress, and forgets deleted recordings', async () => {
    const { user, actor } = await makeUser();
    const indexed = await shellRecording(user.id);
    const old = await recordSynthetic({ userId: user.id, skipIndex: true, events: [[0.5, 'o', 'legacy connection line\r\n']] });
    const before = await searchRecordings({ actor, query: q('connection') });
    expect(before.indexing).toEqual({ done: 1, total: 2 });
    expect(before.recordings.map((r) => r.recordingId)).toEqual([indexed]);

    expect(await backfillSearch()).toBe(1);
    const after = await searchRecordings({ actor, query: q('connection') });
    expect(after.indexing).toBeNull();
    expect(after.recordings.map((r) => r.recordingId).sort()).toEqual([indexed, old].sort());
    expect(await backfillSearch()).toBe(0);

    // Deleting (or purging) a recording deletes its session row, which cascades.
    await db().delete(sessions).where(eq(sessions.id, old));
    expect(await db().select().from(searchEntries).where(eq(searchEntries.recordingId, old))).toHaveLength(0);
    expect(await db().select().from(recordingSearchStates).where(eq(recordingSearchStates.recordingId, old))).toHaveLength(0);
    expect((await searchRecordings({ actor, query: q('legacy') })).total).toBe(0);
  });

  it('searches while a recording is being deleted', async () => {
    const { user, actor } = await makeUser();
    const ids = await Promise.all([0, 1, 2].map(() => shellRecording(user.id)));
    const searches = Array.from({ length: 6 }, () => searchRecordings({ actor, query: q('connection') }));
    const deletion = db().execute(sql`delete from sessions where id = ${ids[1]!}`);
    const results = await Promise.all(searches);
    await deletion;
    for (const result of results) expect([2, 3]).toContain(result.total);
    expect((await searchRecordings({ actor, query: q('connection') })).total).toBe(2);
  });
});
