import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, shellQuote } from './curl-command';
import { newRow, requestFromDraft, splitPath, type RequestDraft } from './request-draft';
import { prettyBody, statusTone } from './response-body';

const draft = (patch: Partial<RequestDraft>): RequestDraft => ({ method: 'GET', path: '/', params: [], headers: [], body: '', ...patch });

describe('requestFromDraft', () => {
  it("sends the path's own query first, then the params tab, skipping rows without a name", () => {
    const request = requestFromDraft(
      draft({ path: 'users?active=1#top', params: [newRow('q', 'a b'), newRow('  ', 'ignored')], headers: [newRow('X-Trace', '7')] }),
    );
    expect(request).toEqual({
      method: 'GET',
      path: '/users',
      query: [
        ['active', '1'],
        ['q', 'a b'],
      ],
      headers: [['X-Trace', '7']],
      body: '',
    });
  });

  it('adds a JSON content type to a body without one, keeps a typed one, and sends no body with GET', () => {
    expect(requestFromDraft(draft({ method: 'POST', body: '{"a":1}' })).headers).toEqual([['content-type', 'application/json']]);
    expect(requestFromDraft(draft({ method: 'PUT', body: 'x', headers: [newRow('Content-Type', 'text/plain')] })).headers).toEqual([
      ['Content-Type', 'text/plain'],
    ]);
    expect(requestFromDraft(draft({ method: 'GET', body: '{"a":1}' }))).toMatchObject({ body: '', headers: [] });
  });

  it('splits a path without a leading slash or query', () => {
    expect(splitPath('health')).toEqual({ path: '/health', query: [] });
  });
});

describe('curlCommand', () => {
  const proxy = { origin: 'https://porthole.example', resourceId: 'r-1' };

  it("goes through Porthole's proxy with the token placeholder, never a typed Authorization header", () => {
    const command = curlCommand(
      requestFromDraft(
        draft({ method: 'POST', path: '/v1/items', params: [newRow('dry', 'true')], headers: [newRow('Authorization', 'Bearer real')], body: '{"n":1}' }),
      ),
      proxy,
    );
    expect(command).toBe(
      [
        "curl -X POST 'https://porthole.example/proxy/r-1/v1/items?dry=true'",
        '-H "Authorization: Bearer $PORTHOLE_TOKEN"',
        "-H 'content-type: application/json'",
        `--data-binary '{"n":1}'`,
      ].join(' \\\n  '),
    );
    expect(command).not.toContain('Bearer real');
  });

  it('quotes for a POSIX shell: a quote, $ and backticks reach curl as typed', () => {
    const value = `it's $HOME \`id\` "x"`;
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' })).toBe(value);
  });
});

describe('prettyBody', () => {
  it('indents JSON, by content type or by its look, and leaves anything else (or truncated JSON) as it came', () => {
    expect(prettyBody('{"a":[1,2]}', 'application/json; charset=utf-8')).toEqual({ text: '{\n  "a": [\n    1,\n    2\n  ]\n}', isJson: true });
    expect(prettyBody('[1]', 'text/plain').isJson).toBe(true);
    expect(prettyBody('{"a":', 'application/problem+json')).toEqual({ text: '{"a":', isJson: false });
    expect(prettyBody('hello', 'text/plain')).toEqual({ text: 'hello', isJson: false });
  });

  it('colours statuses by class', () => {
    expect([200, 302, 404, 503, null].map(statusTone)).toEqual(['ok', 'redirect', 'client', 'server', 'none']);
  });
});
