import { describe, expect, it } from 'vitest';
import { searchQuery } from '@/lib/search/search-types';
import type { Actor } from '@/server/actor/actor';
import { searchRecordings } from '@/server/search/search-recordings';
import { listRecordings } from './list-recordings';
import { recordingListQuery } from './recording-schemas';

describe('date filters', () => {
  it('refuse days that do not exist instead of rolling them over or failing in the database', () => {
    for (const day of ['2020-13-45', '2020-02-30', '2021-02-29']) {
      expect(recordingListQuery.safeParse({ from: day }).error?.issues[0]?.message).toBe('Use a real date, YYYY-MM-DD');
      expect(searchQuery.safeParse({ q: 'ls', from: day }).success).toBe(false);
    }
    expect(recordingListQuery.parse({ from: '2024-02-29', to: '' })).toMatchObject({ from: '2024-02-29', to: undefined });
    expect(searchQuery.parse({ q: 'ls', from: '2024-02-29' })).toMatchObject({ from: '2024-02-29' });
  });

  it('refuse a range that ends before it starts, rather than answer an empty list', async () => {
    const actor: Actor = { id: '0b6c0a4e-3f1d-4c1a-9a5e-2f0e8c7d6b5a', email: 'a@example.test', name: 'A', roles: ['engineer'], via: 'session' };
    const backwards = { from: '2025-02-01', to: '2025-01-01' };
    await expect(listRecordings({ actor, query: backwards })).rejects.toMatchObject({
      code: 'VALIDATION',
      userMessage: 'The last day comes before the first.',
    });
    await expect(searchRecordings({ actor, query: { q: 'ls', ...backwards } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
