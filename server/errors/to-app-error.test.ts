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

  it('words zod’s own choices and ids', () => {
    const schema = z.object({ sort: z.enum(['newest', 'relevance']), resourceId: z.uuid(), kind: z.literal('sql') });
    const error = toAppError(schema.safeParse({ sort: 'bogus', resourceId: 'bogus', kind: 'x' }).error);
    expect(error.fields).toEqual({ sort: ['Pick one of: newest, relevance'], resourceId: ['Not a valid id'], kind: ['Must be sql'] });
  });

  it('words zod’s own bounds: a number, a text’s length, a list’s size', () => {
    const schema = z.object({
      page: z.number().int().min(1),
      limit: z.number().max(50),
      name: z.string().min(2),
      tags: z.array(z.string()).max(1),
      ratio: z.number().gt(0),
    });
    const error = toAppError(schema.safeParse({ page: 0, limit: 51, name: 'x', tags: ['a', 'b'], ratio: 0 }).error);
    expect(error.userMessage).toBe('Must be at least 1.');
    expect(error.fields).toEqual({
      page: ['Must be at least 1'],
      limit: ['Must be at most 50'],
      name: ['Must have at least 2 characters'],
      tags: ['Must have at most 1 item'],
      ratio: ['Must be more than 0'],
    });
  });
});
