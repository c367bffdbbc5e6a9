import { describe, expect, it } from 'vitest';
import { normaliseSql } from './normalise-sql';

describe('normaliseSql', () => {
  it.each([
    ["SELECT * FROM users WHERE email = 'a@example.com'", 'select * from users where email = ?'],
    ["select *  from users\n where email='b@example.com';", 'select * from users where email = ?'],
    ['SELECT id FROM orders WHERE id IN (1, 2, 3, 42)', 'select id from orders where id in (?)'],
    ['select id from orders where id in (7)', 'select id from orders where id in (?)'],
    ["INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, null)", 'insert into t (a, b) values (?)'],
    ['SELECT * FROM "Users" WHERE "Id" = $1 LIMIT 10', 'select * from "Users" where "Id" = ? limit ?'],
    ['select price * 1.5e3, -2 from t1', 'select price * ?, ? from t1'],
    ["select 'it''s', E'\\n' -- trailing comment\n from x", 'select ?, ? from x'],
    ['select /* hint */ 1', 'select ?'],
    ['DO $$ BEGIN RAISE NOTICE $q$hi$q$; END $$', 'do ?'],
    ['select `order` from `Items` where qty > 5', 'select `order` from `Items` where qty > ?'],
    ['select count(*) from events where day = current_date - 7', 'select count(*) from events where day = current_date - ?'],
  ])('%s → %s', (input, pattern) => {
    expect(normaliseSql(input)).toBe(pattern);
  });

  it('keeps a quoted identifier with a quote inside it whole', () => {
    expect(normaliseSql('select "a""b" from t where x = 1')).toBe('select "a""b" from t where x = ?');
  });
});
