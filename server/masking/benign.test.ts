import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectRules } from './built-in-rules';
import { createMasker } from './masker';
import { maskText } from './mask-text';

const dir = path.join(__dirname, 'corpus', 'benign');
const files = readdirSync(dir).filter((file) => file.endsWith('.txt'));

describe('benign terminal output', () => {
  const masker = createMasker(selectRules());

  it('has a few hundred realistic lines', () => {
    const lines = files.flatMap((file) => readFileSync(path.join(dir, file), 'utf8').split('\n'));
    expect(lines.length).toBeGreaterThan(500);
  });

  it('masks at most 0.1% of lines (false positives)', () => {
    let lines = 0;
    const falsePositives: string[] = [];
    for (const file of files) {
      for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
        lines++;
        const { events } = maskText(masker, `${line}\n`);
        if (events.length > 0) falsePositives.push(`${file}: ${events.map((e) => e.ruleId).join(',')}: ${line}`);
      }
    }
    console.info(`masking false positives: ${falsePositives.length} of ${lines} benign lines`);
    expect(falsePositives.length / lines, falsePositives.join('\n')).toBeLessThanOrEqual(0.001);
  });

  it('passes whole files through unchanged, in any framing', () => {
    for (const file of files) {
      const text = readFileSync(path.join(dir, file));
      const frames = [];
      for (let i = 0; i < text.length; i += 97) frames.push(text.subarray(i, i + 97));
      expect(maskText(masker, frames).output.equals(text), file).toBe(true);
    }
  });
});
