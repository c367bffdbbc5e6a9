import { describe, expect, it } from 'vitest';
import { selectRules } from './built-in-rules';
import { learningMasker, MAX_LEARNED } from './learned-secrets';
import { createMasker, type Masker } from './masker';

const rules = createMasker(selectRules());
const KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SET_KEY = `$ export AWS_SECRET_ACCESS_KEY=${KEY}; echo $AWS_SECRET_ACCESS_KEY\r\n`;

/** What a stream of frames comes to through one masker state, ended as a recording ends. */
function masked(masker: Masker, frames: string[]): string {
  let state = masker.initialState;
  let out = '';
  for (const frame of frames) {
    const result = masker.step(state, Buffer.from(frame, 'latin1'));
    state = result.state;
    out += result.output.toString('latin1');
  }
  return out + masker.end(state).output.toString('latin1');
}

describe('learningMasker', () => {
  it('masks a secret a rule masked wherever it appears later, alone, with the same label', () => {
    const out = masked(learningMasker(rules), [SET_KEY, `${KEY}\r\n`, `copy: "${KEY}" done\r\n`]);
    expect(out).not.toContain(KEY);
    expect(out).toBe(
      '$ export AWS_SECRET_ACCESS_KEY=[MASKED:aws-secret]; echo $AWS_SECRET_ACCESS_KEY\r\n[MASKED:aws-secret]\r\ncopy: "[MASKED:aws-secret]" done\r\n',
    );
    // Without learning, the key printed alone is nothing any rule recognises.
    expect(masked(rules, [SET_KEY, `${KEY}\r\n`])).toContain(`\r\n${KEY}\r\n`);
  });

  it('holds a learned secret split across frames at every offset, and masks it whole', () => {
    const later = `out ${KEY} end\r\n`;
    for (let cut = 1; cut < later.length; cut++) {
      const out = masked(learningMasker(rules), [SET_KEY, later.slice(0, cut), later.slice(cut)]);
      expect(out, `cut at ${cut}`).toContain('out [MASKED:aws-secret] end\r\n');
    }
  });

  it('learns from one stream and masks in the other that shares it (typed input, printed output)', () => {
    const session = learningMasker(rules);
    expect(masked(session, [`export AWS_SECRET_ACCESS_KEY=${KEY}\r`])).toBe('export AWS_SECRET_ACCESS_KEY=[MASKED:aws-secret]\r');
    expect(masked(session, [`${KEY}\r\n`])).toBe('[MASKED:aws-secret]\r\n');
  });

  it('keeps what it learned to its session, and leaves short values and plain text alone', () => {
    const first = learningMasker(rules);
    masked(first, [SET_KEY]);
    expect(masked(learningMasker(rules), [`${KEY}\r\n`])).toBe(`${KEY}\r\n`);
    // `password=abc12` is masked where it stands, but five characters are not learned.
    const session = learningMasker(rules);
    expect(masked(session, ['password=abc12\r\n', 'abc12 and more\r\n'])).toBe('password=[MASKED:password]\r\nabc12 and more\r\n');
    expect(masked(session, ['plain output, nothing to hide\r\n'])).toBe('plain output, nothing to hide\r\n');
  });

  it(`learns at most ${MAX_LEARNED} values`, () => {
    const session = learningMasker(rules);
    const keys = Array.from({ length: MAX_LEARNED + 3 }, (_, i) => `AKIA${String(i).padStart(16, '7')}`);
    for (const key of keys) masked(session, [`${key}\r\n`]);
    const learnedRules = session.rules.filter((rule) => rule.id.startsWith('learned:'));
    expect(learnedRules).toHaveLength(1);
    expect(learnedRules[0]!.pattern.split('|')).toHaveLength(MAX_LEARNED);
  });
});
