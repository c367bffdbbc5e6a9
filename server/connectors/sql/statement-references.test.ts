import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '@/server/sql/classify-postgres';
import { statementReferences } from './statement-references';

beforeAll(() => loadPostgresParser());

const pg = (statement: string) => statementReferences(statement, 'postgres');
const my = (statement: string) => statementReferences(statement, 'mysql');

describe('statementReferences', () => {
  it('names the columns a PostgreSQL statement reads, qualified and bare, through subqueries and CTEs', () => {
    const refs = pg("with s as (select email as x from customers c) select lower(x), c2.note from s, customers c2 where 'a' = 'query email'");
    expect(refs.columns).toEqual(expect.arrayContaining(['email', 'x', 'note', 'c2.note', 'query']));
    expect(refs.relations).toEqual(expect.arrayContaining(['s', 'customers', 'c', 'c2']));
    expect(refs.isOpaque).toBe(false);
  });

  it('leaves out what pg_catalog.count counts, but not a bare count (it may be a user aggregate)', () => {
    expect(pg('select pg_catalog.count(distinct email) from customers').columns).not.toContain('email');
    expect(pg('select count(email) from customers').columns).toContain('email');
  });

  it('treats a star inside an expression or subquery, a whole row and FETCH/EXECUTE as reading anything', () => {
    expect(pg('select * from customers').isOpaque).toBe(false);
    expect(pg('select c.* from customers c').isOpaque).toBe(false);
    expect(pg('select x from (select * from customers) s(i, x)').isOpaque).toBe(true);
    expect(pg('select to_json(c.*) from customers c').isOpaque).toBe(true);
    expect(pg('select c::text from customers c').isOpaque).toBe(true);
    expect(pg('select row_to_json(customers) from customers').isOpaque).toBe(true);
    expect(pg('fetch all from c').isOpaque).toBe(true);
    expect(pg('execute p').isOpaque).toBe(true);
  });

  it('treats columns renamed by an alias or WITH column list as reading anything (the statement names none it reads)', () => {
    expect(pg("select t.n, substr(t.g, 1, 20) a, t.e || '' em from customers as t(i, n, e, ci, p, cn, g) limit 3").isOpaque).toBe(true);
    expect(pg('with x(a, b) as (select * from customers) select a from x').isOpaque).toBe(true);
    expect(pg('select t.name from customers as t').isOpaque).toBe(false);
  });

  it('names the columns a MySQL statement reads and leaves out what COUNT counts', () => {
    const refs = my("SELECT a, COUNT(DISTINCT notes), CONCAT(c.email, '') FROM (SELECT email AS a FROM customers) s, customers c");
    expect(refs.columns).toEqual(expect.arrayContaining(['a', 'email', 'c.email', 'concat']));
    expect(refs.columns).not.toContain('notes');
    expect(refs.relations).toEqual(expect.arrayContaining(['s', 'customers', 'c']));
    expect(refs.isOpaque).toBe(false);
    expect(my('SELECT * FROM customers').isOpaque).toBe(false);
    expect(my('WITH s AS (SELECT * FROM customers) SELECT id FROM s').isOpaque).toBe(true);
    expect(my('CALL p()').isOpaque).toBe(true);
  });

  it('falls back to every word of a statement the parser cannot read', () => {
    const refs = my('EXECUTE stmt USING @email');
    expect(refs.isOpaque).toBe(true);
    expect(refs.columns).toContain('email');
    expect(pg('select lower(email) from customers where').columns).toEqual(expect.arrayContaining(['lower', 'email', 'customers']));
  });
});
