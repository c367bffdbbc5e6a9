import { describe, expect, it } from 'vitest';
import { pageHref, pageOf } from './Pagination';

describe('pageHref', () => {
  it('keeps the filters in the query string and sets or drops the page', () => {
    expect(pageHref('/recordings?status=complete&resourceId=r1', 3)).toBe('/recordings?status=complete&resourceId=r1&page=3');
    expect(pageHref('/recordings?status=complete&page=3', 1)).toBe('/recordings?status=complete');
    expect(pageHref('/admin/users', 2)).toBe('/admin/users?page=2');
    expect(pageHref('/admin/users', 1)).toBe('/admin/users');
    // The catalogue's filters ride along to its next page.
    expect(pageHref('/resources?type=ssh&tag=prod', 2)).toBe('/resources?type=ssh&tag=prod&page=2');
  });
});

describe('pageOf (lists paged in memory: the catalogue, admin users and resources)', () => {
  const items = Array.from({ length: 101 }, (_, i) => i);

  it('cuts 100 a page and counts the whole list', () => {
    expect(pageOf(items, undefined)).toMatchObject({ page: 1, pageCount: 2, total: 101, rows: items.slice(0, 100) });
    expect(pageOf(items, '2')).toMatchObject({ page: 2, pageCount: 2, total: 101, rows: [100] });
  });

  it('clamps a page out of range or not a number to the nearest real one', () => {
    expect(pageOf(items, '7').page).toBe(2);
    expect(pageOf(items, '0').page).toBe(1);
    expect(pageOf(items, 'two').page).toBe(1);
    expect(pageOf([], '3')).toMatchObject({ page: 1, pageCount: 1, total: 0, rows: [] });
  });
});
