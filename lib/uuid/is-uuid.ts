/**
 * A UUID in its canonical 8-4-4-4-12 hex form, any version: what PostgreSQL's uuid type
 * accepts. Anything else is checked here, before a query, because PostgreSQL rejects it with
 * an error (a 500) instead of finding nothing.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
