import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES, selectRules } from './built-in-rules';
import { DETECTOR_CORPORA } from './corpus/all';
import { createMasker, type Masker } from './masker';
import { maskText } from './mask-text';

const defaultMasker = createMasker(selectRules());
const maskerFor = (enable: string[] = []): Masker =>
  enable.length ? createMasker(selectRules(Object.fromEntries(enable.map((id) => [id, { enabled: true }])))) : defaultMasker;

const ESC_STRIP = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])/g;

/** The secret must not survive, as it is, with its characters coloured apart, or JSON-escaped. */
function expectNoSecret(output: Buffer, secret: string): void {
  const text = output.toString('utf8');
  const forms = [secret, JSON.stringify(secret).slice(1, -1)];
  for (const form of forms) {
    expect(text).not.toContain(form);
    expect(text.replace(ESC_STRIP, '')).not.toContain(form);
  }
}

const CONTEXTS: Record<string, (text: string) => string> = {
  json: (text) => `{"level":"info","value":${JSON.stringify(text)},"n":1}\n`,
  'env-file': (text) =>
    text.includes('\n') ? `APP_ENV=production\nPRIVATE_KEY="${text}"\nPORT=8080\n` : `APP_ENV=production\nSOME_VALUE=${text}\nPORT=8080\n`,
  yaml: (text) =>
    text.includes('\n')
      ? `config:\n  key: |\n${text
          .split('\n')
          .map((line) => `    ${line}`)
          .join('\n')}\n  port: 8080\n`
      : `config:\n  value: ${text}\n  port: 8080\n`,
  'log-line': (text) => `2025-03-14T09:12:44.123Z WARN [worker-3] upstream said: ${text} (retrying in 2s)\n`,
};

/** Colours around the secret (jq, ls --color) and inside it (grep --color highlighting a middle part). */
function ansiWrapped(text: string, secret: string): string[] {
  const at = text.indexOf(secret);
  const mid = at + Math.floor(secret.length / 2);
  return [
    `\x1b[1;32m${text}\x1b[0m\n`,
    `${text.slice(0, mid)}\x1b[01;31m\x1b[K${text.slice(mid, mid + 3)}\x1b[m\x1b[K${text.slice(mid + 3)}\n`,
    `\x1b]0;user@host: ~\x07${text.slice(0, at)}\x1b[36m${text.slice(at, at + 1)}\x1b[39m${text.slice(at + 1)}\n`,
  ];
}

describe.each(DETECTOR_CORPORA.map((corpus) => [corpus.ruleId, corpus] as const))('detector %s', (ruleId, corpus) => {
  const masker = maskerFor(corpus.enable);

  it('has a built-in rule and a large enough corpus', () => {
    expect(BUILT_IN_RULES.some((rule) => rule.id === ruleId)).toBe(true);
    expect(corpus.positives.length).toBeGreaterThanOrEqual(10);
    expect(corpus.negatives.length).toBeGreaterThanOrEqual(5);
  });

  it.each(corpus.positives.map((p, i) => [i, p] as const))('positive %i: whole, every split, 1-byte frames', (_, { text, secret }) => {
    const whole = maskText(masker, text);
    expect(whole.events.map((event) => event.ruleId)).toContain(ruleId);
    expectNoSecret(whole.output, secret);

    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const split = maskText(masker, [bytes.subarray(0, cut), bytes.subarray(cut)]);
      if (!split.output.equals(whole.output)) expect(`${cut}: ${split.output.toString()}`).toBe(`${cut}: ${whole.output.toString()}`);
    }
    const single = maskText(
      masker,
      [...bytes].map((byte) => Uint8Array.of(byte)),
    );
    expect(single.output.toString()).toBe(whole.output.toString());
    expect(single.events).toEqual(whole.events);
  });

  it.each(corpus.positives.map((p, i) => [i, p] as const))('positive %i: in ANSI colours and contexts', (_, { text, secret }) => {
    for (const coloured of ansiWrapped(text, secret)) {
      const { output, events } = maskText(masker, coloured);
      expect(events.length).toBeGreaterThan(0);
      expectNoSecret(output, secret);
      // Escapes survive.
      expect((output.toString().match(ESC_STRIP) ?? []).length).toBe((coloured.match(ESC_STRIP) ?? []).length);
    }
    for (const [name, wrap] of Object.entries(CONTEXTS)) {
      const { output, events } = maskText(masker, wrap(text));
      expect(events.length, name).toBeGreaterThan(0);
      expectNoSecret(output, secret);
    }
  });

  it.each(corpus.negatives.map((n, i) => [i, n] as const))('negative %i is left alone', (_, text) => {
    const { output, events } = maskText(masker, text);
    expect(events).toEqual([]);
    expect(output.toString()).toBe(text);
  });
});
