import { describe, expect, it } from 'vitest';
import { searchQuery } from '@/lib/search/search-types';
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
});
