import { describe, expect, it } from 'vitest';
import { INJECTED_CREDENTIAL } from '@/lib/protocol/http-protocol';
import { BUILT_IN_RULES } from '../built-in-rules';
import { createMasker } from '../masker';
import { createHttpMasker } from './mask-exchange';

const engine = createMasker(BUILT_IN_RULES);
const TOKEN = 'tok-9f8e7d6c5b4a39281706';
const masker = createHttpMasker({ engine, credentials: [TOKEN, `Bearer ${TOKEN}`], injectedHeader: 'authorization' });
const body = (text: string, contentType = 'application/json', isTruncated = false) =>
  masker.body({ head: Buffer.from(text), size: Buffer.byteLength(text) + (isTruncated ? 100 : 0), isTruncated, contentType });

describe('createHttpMasker', () => {
  it('masks JSON values by key and re-serializes them pretty', () => {
    const out = body('{"user":"ann","password":"hunter2","nested":{"api_key":"k1","list":[{"Token":"t"}]},"n":1}');
    expect(JSON.parse(out)).toEqual({
      user: 'ann',
      password: '[MASKED:field]',
      nested: { api_key: '[MASKED:field]', list: [{ Token: '[MASKED:field]' }] },
      n: 1,
    });
    expect(out).toContain('\n  "user"');
  });

  it('masks a truncated or broken JSON body as text, keyed values by their key', () => {
    const out = body('{"password": "hunter2", "note": "x', 'application/json', true);
    expect(out).not.toContain('hunter2');
    expect(body('{"password": "hunter2",', 'application/json')).not.toContain('hunter2');
  });

  it('replaces the injected credential everywhere, also base64- and URL-encoded', () => {
    const b64 = Buffer.from(TOKEN).toString('base64');
    const out = body(`echo: Bearer ${TOKEN} / ${b64} / ${encodeURIComponent(TOKEN)}`, 'text/plain');
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(b64);
    expect(masker.url(`/echo?q=${TOKEN}`)).not.toContain(TOKEN);
  });

  it('masks secret headers by name and shows the injected one as injected', () => {
    const headers = masker.headers(
      [
        ['Authorization', `Bearer ${TOKEN}`],
        ['X-Api-Key', 'abc'],
        ['Content-Type', 'application/json'],
      ],
      { isRequest: true },
    );
    expect(headers).toEqual([
      ['Authorization', INJECTED_CREDENTIAL],
      ['X-Api-Key', '[MASKED:header]'],
      ['Content-Type', 'application/json'],
    ]);
    expect(masker.headers([['set-cookie', 'sid=1']])).toEqual([['set-cookie', '[MASKED:header]']]);
  });

  it('masks form bodies and query strings by key, and detector matches anywhere', () => {
    expect(body('user=ann&password=hunter2', 'application/x-www-form-urlencoded')).toBe('user=ann&password=%5BMASKED%3Afield%5D');
    expect(masker.url('/login?user=ann&access_token=abc')).toBe('/login?user=ann&access_token=%5BMASKED%3Afield%5D');
    expect(body('key AKIAIOSFODNN7EXAMPLE here', 'text/plain')).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('shows a binary body as its size only', () => {
    expect(masker.body({ head: Buffer.from([0x89, 0x50, 0x00, 0xff]), size: 4, isTruncated: false, contentType: 'image/png' })).toBe('[binary, 4 bytes]');
    // Not UTF-8 (a stray 0xff inside), though free of NUL bytes.
    const stray = Buffer.concat([Buffer.from('text then '), Buffer.from([0xff, 0xfe]), Buffer.from(' more text')]);
    expect(masker.body({ head: stray, size: stray.length, isTruncated: false, contentType: 'application/octet-stream' })).toBe(
      `[binary, ${stray.length} bytes]`,
    );
  });

  it('shows a text body cut inside a character (a truncated recording) as text, not binary', () => {
    const text = Buffer.from('héllo wörld, 10 €');
    for (const cut of [1, 2]) {
      const head = text.subarray(0, text.length - cut); // inside the 3-byte €
      const shown = masker.body({ head, size: text.length, isTruncated: true, contentType: 'application/octet-stream' });
      expect(shown).toContain('héllo wörld, 10');
      expect(shown).not.toContain('[binary');
    }
    // An invalid last byte is not a cut character.
    const broken = Buffer.concat([Buffer.from('héllo'), Buffer.from([0xff])]);
    expect(masker.body({ head: broken, size: broken.length, isTruncated: false, contentType: 'application/octet-stream' })).toBe('[binary, 7 bytes]');
  });

  it('masks detector matches in text bodies, ASCII or not, whole or cut inside a character, and keeps the rest as it was', () => {
    const key = 'AKIAIOSFODNN7EXAMPLE';
    for (const text of [`deploy log: key=${key} done`, `déploiement: clé ${key} — fini ✓`]) {
      const shown = body(text, 'text/plain');
      expect(shown).not.toContain(key);
      expect(shown).toBe(text.replace(key, '[MASKED:aws-key]'));
    }
    // A cut body whose last character was cut, right after a secret: masked, the rest kept.
    const cut = Buffer.from(`ünïcode ${key} €`).subarray(0, -1);
    const shown = masker.body({ head: cut, size: cut.length + 1, isTruncated: true, contentType: 'text/plain' });
    expect(shown).not.toContain(key);
    expect(shown.startsWith('ünïcode [MASKED:aws-key]')).toBe(true);
  });

  it('masks a 1 MiB body in linear time (a run of word characters must not make the keyed-value scan backtrack)', () => {
    const started = performance.now();
    const out = body('x'.repeat(1024 * 1024), 'text/plain', true);
    expect(out.length).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
