/**
 * A page of a list as JSON, with the list's total across its pages in `X-Total-Count`. The body
 * stays the array these endpoints always returned, so older scripts read it as before; a new one
 * learns how many pages there are from the first.
 */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

export function pagedJson(items: unknown[], total: number): Response {
  return Response.json(items, { headers: { 'cache-control': 'no-store', [TOTAL_COUNT_HEADER]: String(total) } });
}
