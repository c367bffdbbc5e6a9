import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toAppError } from './to-app-error';

describe('toAppError', () => {
  it("words a validation error without the field's code name, and keeps the path in fields", () => {
    const schema = z.object({ t: z.number(), endT: z.number() }).refine((a) => a.endT > a.t, { message: 'The end must be after the start', path: ['endT'] });
    const error = toAppError(schema.safeParse({ t: 5, endT: 2 }).error);
    expect(error.code).toBe('VALIDATION');
    expect(error.userMessage).toBe('The end must be after the start.');
    expect(error.fields).toEqual({ endT: ['The end must be after the start'] });
  });

  it('says "Required" for a missing value and what was expected for a mistyped one, never zod’s own wording', () => {
    const schema = z.object({ reason: z.string(), count: z.number(), tags: z.array(z.string()), note: z.string().min(3, 'Say why, in a few words') });
    const error = toAppError(schema.safeParse({ count: 'many', tags: 'a', note: 'x' }).error);
    expect(error.userMessage).toBe('Required.');
    expect(error.fields).toEqual({ reason: ['Required'], count: ['Expected a number'], tags: ['Expected a list'], note: ['Say why, in a few words'] });
  });
});
