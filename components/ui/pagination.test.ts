import { describe, expect, it } from 'vitest';
import { pageHref } from './Pagination';

describe('pageHref', () => {
  it('keeps the filters in the query string and sets or drops the page', () => {
    expect(pageHref('/recordings?status=complete&resourceId=r1', 3)).toBe('/recordings?status=complete&resourceId=r1&page=3');
    expect(pageHref('/recordings?status=complete&page=3', 1)).toBe('/recordings?status=complete');
    expect(pageHref('/admin/users', 2)).toBe('/admin/users?page=2');
    expect(pageHref('/admin/users', 1)).toBe('/admin/users');
  });
});
