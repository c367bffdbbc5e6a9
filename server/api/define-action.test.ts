import { redirect } from 'next/navigation';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { actionArg, defineAction } from './define-action';

// Actions open to anyone ('public'): the role check needs a Next.js request, the rest does not.
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('defineAction', () => {
  it('runs with the parsed arguments and answers with what run returns', async () => {
    const action = defineAction({
      roles: 'public',
      input: z.tuple([actionArg.id, actionArg.previous, actionArg.form]),
      run: async ({ input: [id, , data] }) => ({ ok: true, message: `${id}:${data.get('name') as string}` }),
    });
    const id = '0b6c0a4e-3f1d-4c1a-9a5e-2f0e8c7d6b5a';
    await expect(action(id, undefined, form({ name: 'db' }))).resolves.toEqual({ ok: true, message: `${id}:db` });
  });

  it('refuses arguments that do not fit before running anything (a forged id, a form missing)', async () => {
    let runs = 0;
    const action = defineAction({
      roles: 'public',
      input: z.tuple([actionArg.id]),
      run: async () => {
        runs++;
        return { ok: true };
      },
    });
    await expect(action("1' or 1=1 --")).resolves.toEqual({ ok: false, message: 'This request is not valid: reload the page and try again.' });
    expect(runs).toBe(0);
  });

  it('refuses a NUL character in a form, naming the field, before running anything', async () => {
    let runs = 0;
    const action = defineAction({
      roles: 'public',
      input: z.tuple([actionArg.previous, actionArg.form]),
      run: async () => {
        runs++;
        return { ok: true };
      },
    });
    const result = await action(undefined, form({ title: 'ok', body: 'a\u0000b' }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/NUL characters/), fields: { body: [expect.any(String)] } });
    expect(runs).toBe(0);
  });

  it("answers with an AppError's words, and with no word of an unexpected error", async () => {
    const refused = defineAction({
      roles: 'public',
      input: z.tuple([]),
      run: () => Promise.reject(new AppError('CONFLICT', { userMessage: 'A user with this e-mail already exists.' })),
    });
    await expect(refused()).resolves.toEqual({ ok: false, message: 'A user with this e-mail already exists.' });

    const crashed = defineAction({ roles: 'public', input: z.tuple([]), run: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')) });
    const answer = await crashed();
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).not.toContain('ECONNREFUSED');
  });

  it("puts a validation error next to the form's field (`tags.2` on `tags`)", async () => {
    const action = defineAction({
      roles: 'public',
      input: z.tuple([actionArg.previous, actionArg.form]),
      run: async ({ input: [, data] }) =>
        z
          .object({ name: z.string().min(1, 'Enter a name'), tags: z.array(z.string().max(3, 'Too long')) })
          .parse({ name: data.get('name'), tags: ['a', 'b', 'long'] }),
      fields: { shown: ['name', 'tags'] },
    });
    await expect(action(undefined, form({ name: '' }))).resolves.toEqual({
      ok: false,
      message: 'Check the highlighted fields.',
      fields: { name: ['Enter a name'], tags: ['Too long'] },
    });
  });

  it("lets Next.js's redirect through instead of answering with it as an error", async () => {
    const action = defineAction({ roles: 'public', input: z.tuple([]), run: async () => redirect('/login') });
    await expect(action()).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
  });
});
