import { describe, expect, it } from 'vitest';
import { selectRules } from '../masking/built-in-rules';
import { applyColumnStrategy, BUILT_IN_COLUMN_MASKS, createCellMasker } from './cell-masker';

/** A statement that names no column. */
const NONE = { columns: [], relations: [], isOpaque: false };

describe('createCellMasker', () => {
  const masker = createCellMasker({ columnRules: [{ pattern: '*iban*', strategy: 'keep-last-4' }, ...BUILT_IN_COLUMN_MASKS], valueRules: selectRules() });

  it('masks by column name first, then every other cell with the value detectors', () => {
    masker.forColumns(
      [
        { name: 'id', type: 'int4' },
        { name: 'customer_email', type: 'text' },
        { name: 'Card_Number', type: 'varchar' },
        { name: 'payout_iban', type: 'text' },
        { name: 'notes', type: 'text' },
        { name: 'ref', type: 'int8' },
      ],
      NONE,
    );
    const { rows, maskedCells } = masker.maskRows([
      ['1', 'ada@example.com', '4111 1111 1111 1111', 'DE89370400440532013000', 'key AKIAIOSFODNN7EXAMPLE and card 5500 0000 0000 0004', '4012888888881881'],
      ['2', null, '', null, 'nothing to see', '42'],
    ]);
    expect(rows[0]).toEqual([
      '1',
      '[MASKED]@example.com',
      '[MASKED]1111',
      '[MASKED]3000',
      expect.stringMatching(/^key \[MASKED:[^\]]+\] and card \[MASKED:card\]0004$/),
      expect.stringMatching(/^\[MASKED:card\]/),
    ]);
    expect(rows[1]).toEqual(['2', null, '', null, 'nothing to see', '42']);
    expect(maskedCells).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5]);
  });

  it('masks a secret per cell even when a detector could run across cells', () => {
    masker.forColumns(
      [
        { name: 'a', type: 'text' },
        { name: 'b', type: 'text' },
      ],
      NONE,
    );
    const { rows } = masker.maskRows([
      ['password=hunter2hunter2', 'next'],
      ['x\u0000y', 'AKIAIOSFODNN7EXAMPLE'],
    ]);
    expect(rows[0]?.[1]).toBe('next');
    expect(rows[0]?.[0]).not.toContain('hunter2');
    expect(rows[1]?.[0]).toBe('x\u0000y');
    expect(rows[1]?.[1]).toMatch(/^\[MASKED:/);
  });

  it('keeps cells apart: a key split over two cells masks neither, and controls or tabs inside a cell stay in it', () => {
    masker.forColumns(
      [
        { name: 'a', type: 'text' },
        { name: 'b', type: 'text' },
        { name: 'c', type: 'text' },
      ],
      NONE,
    );
    const { rows, maskedCells } = masker.maskRows([
      ['AKIAIOSF', 'ODNN7EXAMPLE', 'tab\there'],
      ['x\vy', 'nul\u0000in', 'AKIAIO\u0000SFODNN7EXAMPLE'],
    ]);
    expect(rows[0]).toEqual(['AKIAIOSF', 'ODNN7EXAMPLE', 'tab\there']);
    expect(rows[1]?.slice(0, 2)).toEqual(['x\vy', 'nul\u0000in']);
    expect(rows[1]?.[2]).toMatch(/^\[MASKED:aws-key\]/);
    expect(maskedCells).toEqual([1, 2]);
  });

  it('applies column rules to the source column, whatever the result calls it', () => {
    const byName = createCellMasker({
      columnRules: [
        { pattern: 'note', strategy: 'full' },
        { pattern: 'billing.iban', strategy: 'keep-last-4' },
      ],
    });
    byName.forColumns(
      [
        { name: 'e', type: 'text', source: { schema: 'public', table: 'customers', column: 'note' } },
        { name: 'x', type: 'text', source: { schema: 'public', table: 'billing', column: 'iban' } },
        { name: 'x', type: 'text', source: { schema: 'public', table: 'payouts', column: 'iban' } },
        { name: 'memo', type: 'text', source: null, names: ['note', 's.note'] },
        { name: 'lower', type: 'text', source: null },
      ],
      NONE,
    );
    const { rows, maskedCells } = byName.maskRows([['hello', 'DE89370400440532013000', 'DE89370400440532013000', 'hi', 'plain']]);
    expect(rows[0]).toEqual(['[MASKED]', '[MASKED]3000', 'DE89370400440532013000', '[MASKED]', 'plain']);
    expect(maskedCells).toEqual([0, 0, 0, 1, 0, 3]);
  });

  it('masks a field with no trustworthy source whole when the statement or its view reads a masked column', () => {
    const byRule = createCellMasker({
      columnRules: [
        { pattern: 'note', strategy: 'full' },
        { pattern: 'billing.iban', strategy: 'keep-last-4' },
      ],
    });
    const fields = [
      { name: 'id', type: 'int4', source: { schema: 'public', table: 'customers', column: 'id' } },
      { name: 'lower', type: 'text', source: null },
    ];
    const row = [['1', 'hello']];
    expect(byRule.forColumns(fields, { columns: ['id', 'note'], relations: ['customers'], isOpaque: false })).toEqual([false, true]);
    expect(byRule.maskRows(row)).toEqual({ rows: [['1', '[MASKED]']], maskedCells: [0, 1] });
    // `table.column` rules: the table and the column must both be named (aliases make `b.iban`).
    expect(byRule.forColumns(fields, { columns: ['iban', 'b.iban'], relations: ['billing', 'b'], isOpaque: false })).toEqual([false, true]);
    expect(byRule.forColumns(fields, { columns: ['iban', 'p.iban'], relations: ['payouts', 'p'], isOpaque: false })).toEqual([false, false]);
    expect(byRule.maskRows(row)).toEqual({ rows: row, maskedCells: [] });
    // A `*` inside an expression or a whole-row reference may read anything.
    expect(byRule.forColumns(fields, { columns: [], relations: ['customers'], isOpaque: true })).toEqual([false, true]);
    // A view's column: what the view reads decides, whatever the statement names.
    const viewField = {
      name: 'contact',
      type: 'text',
      source: null,
      names: ['contact', 'v.contact'],
      reads: { columns: ['note', 'customers.note'], relations: ['customers'], isOpaque: false },
    };
    expect(byRule.forColumns([viewField], NONE)).toEqual([true]);
    expect(byRule.forColumns([{ ...viewField, reads: { columns: ['id'], relations: ['customers'], isOpaque: false } }], NONE)).toEqual([false]);
  });

  it('masks whole texts (statements, errors, notices) and fails closed at their end', () => {
    expect(masker.maskText("select 'AKIAIOSFODNN7EXAMPLE' as k")).toBe("select '[MASKED:aws-key]' as k");
    expect(masker.maskText('invalid input syntax for type integer: "ghp_' + 'a'.repeat(36) + '"')).toBe(
      'invalid input syntax for type integer: "[MASKED:github-token]"',
    );
    expect(masker.maskText('select 1')).toBe('select 1');
    // Cut off inside a possible secret: nothing more follows, so the tail is masked, not shown.
    expect(masker.maskText("select 'sk_live")).not.toContain('sk_live');
  });

  it('masks a key with a character drawn as nothing inside it, in a cell, a statement and an error', () => {
    const key = 'AKIAIOSF\u200bODNN7EXAMPLE';
    masker.forColumns([{ name: 'note', type: 'text' }], NONE);
    expect(masker.maskRows([[`key ${key}`]]).rows[0]?.[0]).toMatch(/^key \[MASKED:aws-key\]/);
    expect(masker.maskText(`select '${key}' as k`)).not.toContain('ODNN7EXAMPLE');
    expect(masker.maskText(`invalid input syntax for type integer: "AKIA\ufeffIOSFODNN7EXAMPLE"`)).not.toContain('IOSFODNN7EXAMPLE');
  });

  it('keeps the last four of long values and the domain of e-mails', () => {
    expect(applyColumnStrategy('4111-1111-1111-1111', 'keep-last-4')).toBe('[MASKED]1111');
    expect(applyColumnStrategy('1234', 'keep-last-4')).toBe('[MASKED]');
    expect(applyColumnStrategy('ada@example.com', 'email')).toBe('[MASKED]@example.com');
    expect(applyColumnStrategy('secret', 'full')).toBe('[MASKED]');
  });
});
