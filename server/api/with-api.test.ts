import { describe, expect, it } from 'vitest';
import { readJson } from './with-api';

const post = (body: string) => new Request('http://localhost/api/v1/x', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('readJson', () => {
  it('refuses a NUL or half a surrogate pair anywhere in the body with a validation error naming the field', async () => {
    await expect(readJson(post('{"name":"a\\u0000b"}'))).rejects.toMatchObject({ code: 'VALIDATION', fields: { name: [expect.any(String)] } });
    await expect(readJson(post('{"rules":[{"pattern":"x"},{"pattern":"\\ud800"}]}'))).rejects.toMatchObject({
      code: 'VALIDATION',
      userMessage: expect.stringMatching(/NUL characters or broken Unicode/),
      fields: { 'rules[1].pattern': [expect.any(String)] },
    });
  });

  it('passes ordinary text, emoji (a whole pair) included', async () => {
    await expect(readJson(post('{"name":"ok \\ud83d\\ude00 – ünï"}'))).resolves.toEqual({ name: 'ok 😀 – ünï' });
  });
});
