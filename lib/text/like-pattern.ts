/** An ILIKE pattern finding `query` anywhere: `%`, `_` and `\` (LIKE's wildcards and escape) match as typed. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
