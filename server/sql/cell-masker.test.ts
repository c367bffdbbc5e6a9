import { describe, expect, it } from 'vitest';
import { selectRules } from '../masking/built-in-rules';
import { applyColumnStrategy, BUILT_IN_COLUMN_MASKS, createCellMasker } from './cell-masker';

describe('createCellMasker', () => {
  const masker = createCellMasker({ columnRules: [{ pattern: '*iban*', strategy: 'keep-last-4' }, ...BUILT_IN_COLUMN_MASKS], valueRules: selectRules() });

  it('masks by column name first, then every other cell with the value detectors', () => {
    masker.forColumns([
      { name: 'id', type: 'int4' },
      { name: 'customer_email', type: 'text' },
      { name: 'Card_Number', type: 'varchar' },
      { name: 'payout_iban', type: 'text' },
      { name: 'notes', type: 'text' },
      { name: 'ref', type: 'int8' },
    ]);
    const { rows, maskedCells } = masker.maskRows([
      ['1', 'ada@example.com', '4111 1111 1111 1111', 'DE89370400440532013000', 'key AKIAIOSFODNN7EXAMPLE and card 5500 0000 0000 0004', '4012888888881881'],
      ['2', null, '', null, 'nothing to see', '42'],
    ]);
    expect(rows[0]).toEqual(['1', '[MASKED]@example.com', '[MASKED]1111', '[MASKED]3000', expect.stringMatching(/^key \[MASKED:[^\]]+\] and card \[MASKED:card\]0004$/), expect.stringMatching(/^\[MASKED:card\]/)]);
    expect(rows[1]).toEqual(['2', null, '', null, 'nothing to see', '42']);
    expect(maskedCells).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5]);
  });

  it('masks a secret per cell even when a detector could run across cells', () => {
    masker.forColumns([{ name: 'a', type: 'text' }, { name: 'b', type: 'text' }]);
    const { rows } = masker.maskRows([['password=hunter2hunter2', 'next'], ['x\u0000y', 'AKIAIOSFODNN7EXAMPLE']]);
    expect(rows[0]?.[1]).toBe('next');
    expect(rows[0]?.[0]).not.toContain('hunter2');
    expect(rows[1]?.[0]).toBe('x\u0000y');
    expect(rows[1]?.[1]).toMatch(/^\[MASKED:/);
  });

  it('applies column rules to the source column, whatever the result calls it', () => {
    const byName = createCellMasker({ columnRules: [{ pattern: 'note', strategy: 'full' }, { pattern: 'billing.iban', strategy: 'keep-last-4' }] });
    byName.forColumns([
      { name: 'e', type: 'text', source: { schema: 'public', table: 'customers', column: 'note' } },
      { name: 'x', type: 'text', source: { schema: 'public', table: 'billing', column: 'iban' } },
      { name: 'x', type: 'text', source: { schema: 'public', table: 'payouts', column: 'iban' } },
      { name: 'memo', type: 'text', source: null, names: ['note', 's.note'] },
      { name: 'lower', type: 'text', source: null },
    ]);
    const { rows, maskedCells } = byName.maskRows([['hello', 'DE89370400440532013000', 'DE89370400440532013000', 'hi', 'plain']]);
    expect(rows[0]).toEqual(['[MASKED]', '[MASKED]3000', 'DE89370400440532013000', '[MASKED]', 'plain']);
    expect(maskedCells).toEqual([0, 0, 0, 1, 0, 3]);
  });

  it('masks whole texts (statements, errors, notices) and fails closed at their end', () => {
    expect(masker.maskText("select 'AKIAIOSFODNN7EXAMPLE' as k")).toBe("select '[MASKED:aws-key]' as k");
    expect(masker.maskText('invalid input syntax for type integer: "ghp_' + 'a'.repeat(36) + '"')).toBe('invalid input syntax for type integer: "[MASKED:github-token]"');
    expect(masker.maskText('select 1')).toBe('select 1');
    // Cut off inside a possible secret: nothing more follows, so the tail is masked, not shown.
    expect(masker.maskText("select 'sk_live")).not.toContain('sk_live');
  });

  it('keeps the last four of long values and the domain of e-mails', () => {
    expect(applyColumnStrategy('4111-1111-1111-1111', 'keep-last-4')).toBe('[MASKED]1111');
    expect(applyColumnStrategy('1234', 'keep-last-4')).toBe('[MASKED]');
    expect(applyColumnStrategy('ada@example.com', 'email')).toBe('[MASKED]@example.com');
    expect(applyColumnStrategy('secret', 'full')).toBe('[MASKED]');
  });
});
