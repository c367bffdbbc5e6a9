import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectRules } from './built-in-rules';
import { DETECTOR_CORPORA } from './corpus/all';
import { createMasker } from './masker';
import { maskText } from './mask-text';

const masker = createMasker(selectRules());
const secrets = DETECTOR_CORPORA.filter((corpus) => !corpus.enable).flatMap((corpus) => corpus.positives);

/** Ordinary terminal text: words, numbers, punctuation, UTF-8, and complete escape sequences. */
const noise = fc
  .array(
    fc.oneof(
      fc.constantFrom('ls', '-la', 'total', 'root', '12:04', 'Jan', '4096', 'ok', 'é', '€', '🔑', '→', 'error:', '"x"', '{}', '=', '/var/log'),
      fc.constantFrom(' ', ' ', '\n', '\r\n', '\t'),
      fc.constantFrom('\x1b[0m', '\x1b[1;31m', '\x1b[K', '\x1b]0;title\x07', '\x1b(B', '\x1b[?25h'),
      fc.integer({ min: 0, max: 99999 }).map((n) => `${n} `),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** Cut points in bytes, possibly inside a character, an escape or the secret. */
function chunk(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let previous = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(previous, point));
    previous = point;
  }
  return chunks;
}

describe('masking properties', () => {
  it('chunked output equals unchunked output and never contains the secret', () => {
    fc.assert(
      fc.property(
        noise,
        fc.constantFrom(...secrets),
        fc.constantFrom(' ', '\n', ': ', '\t', ' = '),
        noise,
        fc.array(fc.nat(), { maxLength: 12 }),
        (before, { text, secret }, separator, after, cuts) => {
          const bytes = Buffer.from(`${before}${separator}${text}\n${after}`, 'utf8');
          const whole = maskText(masker, bytes);
          const chunked = maskText(masker, chunk(bytes, cuts));
          expect(chunked.output.equals(whole.output)).toBe(true);
          expect(chunked.events).toEqual(whole.events);
          expect(whole.output.toString('utf8')).not.toContain(secret);
        },
      ),
      { numRuns: 400, seed: 20250314 },
    );
  });

  it('leaves text without secrets byte-for-byte unchanged, however it is chunked', () => {
    fc.assert(
      fc.property(noise, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(maskText(masker, chunk(bytes, cuts)).output.equals(bytes)).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
