import Link from 'next/link';
import { buttonClass } from './Button';
import { EmptyState } from './PageHeader';

export const PAGE_SIZE = 100;

/** One page of a list, from a `?page=` search parameter (1-based, clamped). */
export function pageOf<T>(items: T[], pageParam: string | string[] | undefined): { rows: T[]; page: number; pageCount: number; total: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const requested = Number.parseInt(Array.isArray(pageParam) ? (pageParam[0] ?? '') : (pageParam ?? ''), 10);
  const page = Number.isFinite(requested) ? Math.min(Math.max(1, requested), pageCount) : 1;
  return { rows: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), page, pageCount, total: items.length };
}

/** `basePath` with `page` set, keeping any filters already in its query string. */
export function pageHref(basePath: string, page: number): string {
  const [path = '', query = ''] = basePath.split('?', 2);
  const params = new URLSearchParams(query);
  if (page === 1) params.delete('page');
  else params.set('page', String(page));
  return params.size > 0 ? `${path}?${params.toString()}` : path;
}

/** Previous/next links for a list page; `basePath` may carry the list's filters. */
export function Pagination({
  basePath,
  page,
  pageCount,
  total,
  pageSize = PAGE_SIZE,
}: {
  basePath: string;
  page: number;
  pageCount: number;
  total: number;
  pageSize?: number;
}) {
  if (pageCount <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const href = (p: number) => pageHref(basePath, p);
  const disabled = 'pointer-events-none opacity-50';
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-zinc-500 dark:text-zinc-400">
      <span>
        {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        <Link href={href(page - 1)} aria-disabled={page === 1} className={buttonClass('secondary', page === 1 ? disabled : '')}>
          Previous
        </Link>
        <Link href={href(page + 1)} aria-disabled={page === pageCount} className={buttonClass('secondary', page === pageCount ? disabled : '')}>
          Next
        </Link>
      </span>
    </nav>
  );
}

/** A `?page=` past the last page of a list that is not empty (an old link, a list that shrank). */
export function PastLastPage({ noun, total, firstPage }: { noun: { one: string; other: string }; total: number; firstPage: string }) {
  return (
    <EmptyState title={`No ${noun.other} on this page`}>
      The list has {total} {total === 1 ? noun.one : noun.other}.{' '}
      <Link href={firstPage} className="text-indigo-600 underline dark:text-indigo-400">
        Back to the first page
      </Link>
    </EmptyState>
  );
}
