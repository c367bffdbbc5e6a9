import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { isUuid } from './is-uuid';

it('accepts canonical UUIDs of any version and case', () => {
  expect(isUuid(randomUUID())).toBe(true);
  expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  expect(isUuid('0190F3A2-7B1C-7D4E-9F00-ABCDEFABCDEF')).toBe(true);
});

it('rejects 36 characters that are not a UUID (PostgreSQL would throw on them)', () => {
  for (const bad of [
    'a'.repeat(36),
    '-'.repeat(36),
    `${'0'.repeat(8)}${'-'.repeat(28)}`,
    'gggggggg-0000-0000-0000-000000000000',
    `${randomUUID()} `,
    '',
    '../etc/passwd',
  ]) {
    expect(isUuid(bad), bad).toBe(false);
  }
});
