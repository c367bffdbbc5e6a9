import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { SEARCH_WORDS_CONFIG } from '@/db/search-schema';
import { rowsOf } from '@/server/search/search-sql';
import { recordSynthetic } from '@/server/search/testing/synthetic-recording';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { distinctWords } from './search-words';

const CONFIG = sql.raw(`'${SEARCH_WORDS_CONFIG}'`);
/** The vector as PostgreSQL makes it from the whole text (what the stored column held before). */
const WHOLE_TEXT_VECTOR = (column: ReturnType<typeof sql>) => sql`strip(to_tsvector(${CONFIG}, translate(${column}, '/.:@=\\<>', '        ')))`;

const TRICKY = [
  'Usage: deploy <environment> [--dry-run] <b>bold</b> </closing> <a href="x y">link</a>',
  'https://db.internal:5432/app?x=1&y=2 user@example.com e-mail@host ftp://a.b/c',
  'foo-bar baz_qux über-straße café naïve 日本語テキスト ẞ İSTANBUL ǅ',
  'v1.2.3 2026-03-01T12:00:00Z 512ms -5 +7 3.14 0x1F abc123 1e10 -leading trailing-',
  'tab\tseparated\fform\vvert line\r\nnext\n\nlast',
  'NBSP\u00a0joined and\u2003em space, zero\u200bwidth',
  '&amp; &lt;tag attr="x y"&gt; &#39;entity&#39; \'quoted\' "double" (paren) [bracket] {brace}',
  'a/b/c C:\\temp\\dir key=value k==v a..b ...dots @@at',
  'repeat repeat repeat Repeat REPEAT repeat-again repeat_again',
  `${'x'.repeat(3000)} short`,
  'self-signed-certificate re-run x-42 42-x pg_dump --schema-only',
];

/** Random text from characters the parser treats in different ways, some of them repeated words. */
function randomTexts(count: number, seed = 7): string[] {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pieces = [
    'a',
    'Z',
    'é',
    '日',
    '1',
    '0',
    '-',
    '_',
    '.',
    '/',
    ':',
    '@',
    '=',
    '<',
    '>',
    '&',
    ';',
    '#',
    "'",
    '"',
    ' ',
    ' ',
    '\t',
    '\n',
    '\u00a0',
    'word',
    'http',
    'www',
    '.com',
    '\\',
  ];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(rand() * 60) }, () => pieces[Math.floor(rand() * pieces.length)]).join(''));
}

describeEachDriver('search words', () => {
  it('makes from the distinct words the same vector as from the whole text', async () => {
    const texts = [...TRICKY, ...randomTexts(400)];
    const result = await db().execute(sql`
      select u.text, strip(to_tsvector(${CONFIG}, u.words))::text as ours, ${WHOLE_TEXT_VECTOR(sql`u.text`)}::text as whole
      from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) with ordinality as t(text, i)
      join jsonb_array_elements_text(${JSON.stringify(texts.map(distinctWords))}::jsonb) with ordinality as w(words, i) using (i)
      cross join lateral (select t.text, w.words) as u`);
    const rows = rowsOf<{ text: string; ours: string; whole: string }>(result);
    expect(rows).toHaveLength(texts.length);
    for (const row of rows) expect(row.ours, JSON.stringify(row.text)).toBe(row.whole);
    // Not vacuous: the texts have words, and the distinct words are shorter than the texts.
    expect(rows.filter((row) => row.whole.length > 0).length).toBeGreaterThan(texts.length / 2);
    const log = 'INFO worker ok: replica ready\n'.repeat(50);
    expect(distinctWords(log).length).toBeLessThan(log.length / 20);
  });

  it('stores for an indexed recording the vector of each row’s whole text', async () => {
    const { user } = await makeUser();
    const lines = Array.from({ length: 400 }, (_, i) => `${i % 2 ? 'GET' : 'POST'} https://api.internal/v1/items/${i} 200 ${i}ms <ok> user@host`);
    const id = await recordSynthetic({ userId: user.id, events: [[0.5, 'o', `${lines.join('\r\n')}\r\n`]] });
    const result = await db().execute(sql`
      select count(*)::int as rows, count(*) filter (where e.tsv <> ${WHOLE_TEXT_VECTOR(sql`e.text`)})::int as different
      from search_entries e where e.recording_id = ${id}`);
    expect(rowsOf<{ rows: number; different: number }>(result)[0]).toEqual({ rows: expect.any(Number), different: 0 });
    expect(rowsOf<{ rows: number }>(result)[0]!.rows).toBeGreaterThan(0);
  });
});
