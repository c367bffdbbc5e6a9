import { z } from 'zod';

/**
 * A list filter from a query string or a GET form: a form sends a select left on "Any …" as an
 * empty value (`?status=&resourceId=…`), which means no filter, not a bad one.
 */
export function optionalFilter<T extends z.ZodType>(schema: T) {
  return schema.optional().or(z.literal('').transform(() => undefined));
}
