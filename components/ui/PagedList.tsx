import type { ReactNode } from 'react';
import { Pagination, PastLastPage } from './Pagination';

/** One page of a list and how many rows the whole list has, or the server's message for a bad query. */
export type ListPage<T> = [rows: T[], total: number] | { userMessage: string };

/**
 * A paged list's body: the server's message, `empty` (no rows at all), a page past the last
 * one, or `children(rows)` with previous/next links. `basePath` carries the list's filters.
 */
export function PagedList<T>({
  result,
  page,
  pageSize,
  basePath,
  noun,
  empty,
  children,
}: {
  result: ListPage<T>;
  page: string | undefined;
  pageSize: number;
  basePath: string;
  noun: { one: string; other: string };
  empty: ReactNode;
  children: (rows: T[]) => ReactNode;
}) {
  if ('userMessage' in result)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {result.userMessage}
      </p>
    );
  const [rows, total] = result;
  if (rows.length === 0) return total > 0 ? <PastLastPage noun={noun} total={total} firstPage={basePath} /> : empty;
  return (
    <>
      {children(rows)}
      <Pagination basePath={basePath} page={Number(page ?? 1)} pageCount={Math.max(1, Math.ceil(total / pageSize))} total={total} pageSize={pageSize} />
    </>
  );
}
