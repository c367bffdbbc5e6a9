import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildPipeline, type Sink, type Stage, type StageContext } from '@/server/relay/pipeline';
import { selectRules } from './built-in-rules';
import { DETECTOR_CORPORA } from './corpus/all';
import { createMasker } from './masker';
import { maskText } from './mask-text';
import { createMaskingStages } from './stage/masking-stages';
import { TypedInputMasker } from './stage/typed-input';

const masker = createMasker(selectRules());
const secrets = DETECTOR_CORPORA.filter((corpus) => !corpus.enable).flatMap((corpus) => corpus.positives.map((p) => ({ ...p, ruleId: corpus.ruleId })));
/**
 * Rules whose secret starts with a distinctive prefix (`AKIA`, `ghp_`, `eyJ`): found wherever
 * it is, so a word character glued before or after it hides nothing. (Not cards, IBANs, SSNs
 * or e-mail addresses: inside a longer number or word they are not one.)
 */
const PREFIXED = new Set([
  'aws-access-key-id',
  'aws-credential-pair',
  'github-token',
  'github-app-token',
  'github-fine-grained-token',
  'gitlab-token',
  'slack-token',
  'stripe-key',
  'google-api-key',
  'npm-token',
  'jwt',
]);
/** Glued to a prefixed secret: word characters, including its own (`AKIA…EXAMPLEX`). */
const GLUE = ['', 'x', 'Z', '_', '7'];

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

/**
 * What the recording stores, through the terminal path's masking stages: the chunks written with
 * the given pauses between them (fake timers), then the session's end.
 */
function recorded(chunks: Buffer[], gapsMs: number[]): string {
  const stages = createMaskingStages({ masker });
  const stored: Buffer[] = [];
  const recorder: Stage = (next) => ({
    write: (chunk, relayed) => (stored.push(Buffer.from(chunk)), next.write(relayed ?? chunk)),
    event: (e) => next.event(e),
    end: () => next.end(),
  });
  const nowhere: Sink = { write: () => {}, event: () => {}, end: () => {} };
  const context: StageContext = { sessionId: 's', userId: 'u', resourceId: 'r', direction: 'output', pause: () => {}, resume: () => {} };
  const out = buildPipeline({ masker: stages.output, recorder }, nowhere, context);
  for (const [i, chunk] of chunks.entries()) {
    if (i > 0) vi.advanceTimersByTime(gapsMs[i % gapsMs.length] ?? 0);
    out.write(chunk);
  }
  out.event({ type: 'exit', reason: 'user_exit', message: 'bye', exitCode: 0 });
  out.end();
  return Buffer.concat(stored).toString('utf8');
}

const ESCAPES = ['\x1b[0m', '\x1b[1;31m', '\x1b[38;5;208m', '\x1b[K', '\x1b(B', '\x1b[?25h', '\x1b]0;title\x07'];
/** Controls the screen drops (NUL, BEL, SO/SI, DEL...): as invisible inside a secret as escapes. */
const DROPPED = ['\0', '\x01', '\x07', '\x0e', '\x0f', '\x1a', '\x1c', '\x7f'];
const DROPPED_PATTERN = /[\x00-\x07\x0e-\x1a\x1c-\x1f\x7f]/g;
/**
 * What may follow a secret: nothing (the session ends), a line break, a word character, or `_`
 * typed and erased.
 */
const AFTER = ['', '\r\n', '_', 'x', '-', '_\b \b', ' ', '"'];
/** What may follow a prefixed secret besides: one of its own characters (a longer run is masked whole). */
const AFTER_PREFIXED = ['X', '7', 'Q_\b\b  \b\b'];
const ESCAPE_PATTERN = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z])/g;

/**
 * The part of a secret the recording may show: a token's type marker (`ghp_`, `sk_live_`,
 * `xoxb-`, `AKIA`, `eyJ`), a rule's head kept when the session ends mid-secret.
 */
function allowedPrefix(secret: string): number {
  const marker = /^[A-Za-z]{2,10}[_-](?:[a-z]{4}_)?/.exec(secret)?.[0].length ?? 0;
  return Math.max(marker, 4);
}

describe('masking properties: the recording of a terminal session', () => {
  it('never stores a secret, nor more than its type marker, whatever the splits, pauses, escapes and dropped controls around and inside it, and what follows it', () => {
    vi.useFakeTimers();
    try {
      fc.assert(
        fc.property(
          noise,
          fc.constantFrom(...secrets),
          fc.constantFrom(' ', '\n', ': ', '\t', ' = '),
          fc.constantFrom(...AFTER),
          fc.option(noise),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ESCAPES, ...DROPPED)), { maxLength: 4 }),
          fc.boolean(),
          fc.array(fc.nat(), { maxLength: 12 }),
          fc.array(fc.constantFrom(0, 5, 200, 6000), { minLength: 1, maxLength: 4 }),
          fc.constantFrom(...GLUE),
          fc.constantFrom(...AFTER_PREFIXED),
          fc.boolean(),
          // `rest` null: the session ends right after the secret (and what follows it).
          (before, { text, secret, ruleId }, separator, anyAfter, rest, inside, inTitle, cuts, gaps, glue, ownAfter, isOwnAfter) => {
            // A prefixed secret may have a word character glued before it, and its own after it.
            const isPrefixed = PREFIXED.has(ruleId);
            const glued = isPrefixed ? glue : '';
            const after = isPrefixed && isOwnAfter ? ownAfter : anyAfter;
            // Escape sequences inside the secret's text, at random places (never inside a UTF-8
            // character); or the text as a window title (an escape inside one would end it).
            const chars = [...text];
            for (const [at, escape] of inside) chars.splice(at % (chars.length + 1), 0, escape);
            const body = inTitle && !text.includes('\n') ? `${inside[0]?.[1] ?? ''}\x1b]2;${glued}${text}\x07` : glued + chars.join('');
            const bytes = Buffer.from(`${before}${separator}${body}${after}${rest === null ? '' : `\n${rest}`}`, 'utf8');
            const stored = recorded(chunk(bytes, cuts), gaps).replace(ESCAPE_PATTERN, '').replace(DROPPED_PATTERN, '');
            expect(stored, JSON.stringify(stored)).not.toContain(secret);
            const longest = allowedPrefix(secret) + 1;
            if (secret.length > longest) expect(stored).not.toContain(secret.slice(0, longest));
          },
        ),
        { numRuns: 500, seed: 20251204 },
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('masking properties: typed input, with typos deleted', () => {
  // Secrets found by themselves (not the credential pair's, named by what precedes it).
  const prefixed = secrets.filter((s) => PREFIXED.has(s.ruleId) && s.text === s.secret && /^[\x21-\x7e]+$/.test(s.secret));

  it('a secret typed one key at a time, with typos deleted at random places or its end deleted and typed again, is never recorded', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixed),
        fc.array(fc.tuple(fc.nat(), fc.array(fc.constantFrom('-', '.', 'x', 'Z', '_', '7', '!', 'é', '中'), { minLength: 1, maxLength: 6 })), { maxLength: 3 }),
        fc.nat({ max: 3 }),
        fc.constantFrom('\x7f', '\b'),
        ({ secret }, typos, retyped, erase) => {
          const keys = [...secret];
          // Typos after the first character (what is deleted before a secret begins is not part of it).
          for (const [at, typo] of typos) keys.splice(1 + (at % keys.length), 0, ...typo, ...typo.map(() => erase));
          // The last characters deleted and typed again.
          keys.push(...Array<string>(retyped).fill(erase), ...secret.slice(secret.length - retyped));
          const typed = new TypedInputMasker(masker);
          let stored = '';
          for (const key of ['echo ', ...keys, ' done\r']) stored += typed.step(Buffer.from(key, 'utf8')).output.toString('latin1');
          stored += typed.end().output.toString('latin1');
          expect(stored, JSON.stringify(stored)).not.toContain(secret);
          // Nor the line as the shell reads it (deletes applied).
          const line = Buffer.from(stored, 'latin1')
            .toString('utf8')
            .replace(/.[\x7f\b]/gu, '');
          expect(line, JSON.stringify(stored)).not.toContain(secret);
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
  });
});
