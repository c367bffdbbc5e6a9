import { describe, expect, it } from 'vitest';
import { DEFAULT_SQL_POLICY, type SqlPolicy } from '@/lib/sql/risk-classes';
import { splitStatements, statementAt } from '@/lib/sql/split-statements';
import { classifyScript } from './classify-script';
import { judgeScript } from './judge-script';

const classesOf = async (script: string, dialect: 'postgres' | 'mysql') => (await classifyScript(script, dialect)).map((s) => s.classes.sort().join('+'));

describe('splitStatements', () => {
  it('splits at top-level semicolons only', () => {
    const script = `SELECT 'a;b' AS "x;y"; -- c;d\nSELECT $$ e;f $$, $tag$ g; $tag$ /* h; /* i; */ j; */;\n\n  ;SELECT 3`;
    expect(splitStatements(script, 'postgres').map((s) => s.text)).toEqual([
      `SELECT 'a;b' AS "x;y"`,
      `-- c;d\nSELECT $$ e;f $$, $tag$ g; $tag$ /* h; /* i; */ j; */`,
      'SELECT 3',
    ]);
  });

  it('knows MySQL quoting: backslash escapes, backticks and # comments', () => {
    const script = "SELECT 'it\\'s;', `a;b` FROM t # x;y\n; SELECT \"q;\" -- z;\n";
    expect(splitStatements(script, 'mysql').map((s) => s.text)).toEqual(["SELECT 'it\\'s;', `a;b` FROM t # x;y", 'SELECT "q;" -- z;']);
  });

  it('keeps offsets into the script and finds the statement under the cursor', () => {
    const script = 'SELECT 1;\n  SELECT 2;\nSELECT 3';
    const statements = splitStatements(script, 'postgres');
    expect(statements.map((s) => script.slice(s.start, s.end))).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
    expect(statementAt(statements, script.indexOf('2'))?.text).toBe('SELECT 2');
    expect(statementAt(statements, script.length)?.text).toBe('SELECT 3');
    expect(statementAt(statements, 9)?.text).toBe('SELECT 1');
  });

  it('drops pieces that hold only comments', () => {
    expect(splitStatements('-- nothing\n; /* here */ ;', 'postgres')).toEqual([]);
  });
});

describe('classifyScript (PostgreSQL, libpg_query)', () => {
  it('classifies each statement by what it does', async () => {
    expect(
      await classesOf(
        [
          'SELECT * FROM t WHERE id = 1',
          'CREATE TABLE x (a int)',
          'ALTER TABLE x ADD b int',
          'DROP TABLE t',
          'TRUNCATE t',
          'DELETE FROM t',
          'DELETE FROM t WHERE id = 1',
          'UPDATE t SET a = 1',
          "UPDATE t SET a = 1 WHERE b = 'x'",
          'GRANT SELECT ON t TO bob',
          'REVOKE ALL ON t FROM bob',
          'CREATE ROLE r',
          'INSERT INTO t VALUES (1)',
          'DO $$ BEGIN DELETE FROM t; END $$',
          'SELECT * INTO copy FROM t',
          'SET ROLE admin',
        ].join(';\n'),
        'postgres',
      ),
    ).toEqual([
      'other',
      'ddl',
      'ddl',
      'ddl',
      'truncate',
      'unbounded_write',
      'other',
      'unbounded_write',
      'other',
      'privileges',
      'privileges',
      'privileges',
      'other',
      'opaque',
      'ddl',
      'privileges',
    ]);
  });

  it('finds unbounded writes hidden in CTEs and EXPLAIN ANALYZE, not under plain EXPLAIN', async () => {
    expect(
      await classesOf('WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d; EXPLAIN ANALYZE UPDATE t SET a = 2; EXPLAIN DELETE FROM t', 'postgres'),
    ).toEqual(['unbounded_write', 'unbounded_write', 'other']);
  });

  it('treats what it cannot parse as risky, and admin functions as opaque', async () => {
    const [bad, admin] = await classifyScript('SELEC * FRM t; SELECT pg_terminate_backend(42)', 'postgres');
    expect(bad).toMatchObject({ isParsed: false, classes: ['opaque'], keyword: 'SELEC' });
    expect(bad?.parseError).toMatch(/syntax error/);
    expect(admin?.classes).toEqual(['opaque']);
  });

  it('flags statements that would undo the read-only mode or the time limit', async () => {
    const statements = await classifyScript(
      "BEGIN READ WRITE; SET default_transaction_read_only = off; SELECT set_config('statement_timeout', '0', false); RESET ALL; SET statement_timeout = 0; SELECT 'read write'",
      'postgres',
    );
    expect(statements.map((s) => s.overrides.join('+'))).toEqual(['read_only', 'read_only', 'read_only+timeout', 'read_only+timeout', 'timeout', '']);
  });

  it('uses the parser to split bodies a semicolon split would cut', async () => {
    const script = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT f()';
    expect((await classifyScript(script, 'postgres')).map((s) => s.keyword)).toEqual(['CREATE', 'SELECT']);
  });
});

describe('classifyScript (MySQL, node-sql-parser)', () => {
  it('classifies each statement by what it does', async () => {
    expect(
      await classesOf(
        [
          'SELECT * FROM t WHERE id = 1',
          'CREATE TABLE x (a INT)',
          'DROP TABLE t',
          'RENAME TABLE a TO b',
          'TRUNCATE TABLE t',
          'DELETE FROM t',
          'DELETE FROM t WHERE id = 1',
          'UPDATE t SET a = 1',
          'GRANT SELECT ON db.* TO u',
          'REVOKE ALL ON *.* FROM u',
          "SELECT 1 INTO OUTFILE '/tmp/x'",
          'INSERT INTO t VALUES (1)',
          'SHOW TABLES',
        ].join(';\n'),
        'mysql',
      ),
    ).toEqual([
      'other',
      'ddl',
      'ddl',
      'ddl',
      'truncate',
      'unbounded_write',
      'other',
      'unbounded_write',
      'privileges',
      'opaque+privileges',
      'opaque',
      'other',
      'other',
    ]);
  });

  it('flags read-only and time-limit overrides', async () => {
    const statements = await classifyScript(
      'SET SESSION TRANSACTION READ WRITE; SET @@tx_read_only = 0; SET SESSION max_statement_time = 0; SELECT 1',
      'mysql',
    );
    expect(statements.map((s) => s.overrides.join('+'))).toEqual(['read_only', 'read_only', 'timeout', '']);
  });
});

describe('judgeScript', () => {
  const rules = { policy: DEFAULT_SQL_POLICY, isReadOnly: false, statementTimeoutMs: 30_000 };

  it('catches `SELECT 1; DROP TABLE t` as a whole', async () => {
    const verdict = judgeScript(await classifyScript('SELECT 1; DROP TABLE t', 'postgres'), rules, 'postgres');
    expect(verdict.action).toBe('review');
    expect(verdict.statements.map((s) => s.action)).toEqual(['allow', 'review']);
    expect(verdict.reason).toBe('Statement 2 (DROP TABLE t): Schema changes need review on this resource.');
  });

  it('blocks a blocked class, and the strictest action wins', async () => {
    const policy: SqlPolicy = { ...DEFAULT_SQL_POLICY, unbounded_write: 'block' };
    const verdict = judgeScript(await classifyScript('DROP TABLE a; DELETE FROM t; SELECT 1', 'mysql'), { ...rules, policy }, 'mysql');
    expect(verdict.action).toBe('block');
    expect(verdict.reason).toMatch(/^Statement 2 \(DELETE FROM t\): DELETE \/ UPDATE without WHERE is blocked on this resource\. Nothing was run\.$/);
  });

  it('allows what the policy allows', async () => {
    const policy: SqlPolicy = { ...DEFAULT_SQL_POLICY, ddl: 'allow' };
    expect(judgeScript(await classifyScript('CREATE TABLE x (a int); SELECT 1', 'postgres'), { ...rules, policy }, 'postgres').action).toBe('allow');
  });

  it('blocks read-only overrides only on read-only consoles', async () => {
    const statements = await classifyScript('SET default_transaction_read_only = off', 'postgres');
    expect(judgeScript(statements, { ...rules, isReadOnly: true }, 'postgres').action).toBe('block');
    expect(judgeScript(statements, rules, 'postgres').action).toBe('allow');
  });

  it('refuses PostgreSQL statements its own parser rejects, with the position; MySQL ones go to review', async () => {
    const script = 'SELECT 1; SELECT * FROM t WHERE x = = 1';
    const pgVerdict = judgeScript(await classifyScript(script, 'postgres'), rules, 'postgres');
    expect(pgVerdict).toMatchObject({
      action: 'block',
      syntaxError: { index: 1, message: 'Syntax error: syntax error at or near "="', position: 'SELECT * FROM t WHERE x = '.length },
    });
    const myVerdict = judgeScript(await classifyScript('KILL QUERY 12', 'mysql'), rules, 'mysql');
    expect(myVerdict).toMatchObject({ action: 'review', syntaxError: null });
  });
});
