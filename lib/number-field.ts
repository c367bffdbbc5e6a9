import { z } from 'zod';

/** A number as a form or a query string writes it: digits, an optional sign and decimals. */
const NUMBER_TEXT = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A number from JSON, a form field or a query string. Unlike `numberField((n) => n)`, only a number
 * or the text of one is a number: `null`, `""` (an emptied field), `true`, `[3]` or `"0x10"` are
 * refused with "Enter a number", never read as 0, 1, 3 or 16 (0 means "keep forever" or "no
 * limit" in some settings). `build` adds the field's own checks.
 */
export function numberField<T extends z.ZodType>(build: (number: z.ZodNumber) => T) {
  return z.preprocess(
    (value) => (typeof value === 'string' && NUMBER_TEXT.test(value.trim()) ? Number(value.trim()) : value),
    // Only for what is not a number: the field's own bounds keep their messages (`?page=0` is not "Enter a number").
    build(z.number({ error: (issue) => (issue.code === 'invalid_type' ? 'Enter a number' : undefined) })),
  );
}
