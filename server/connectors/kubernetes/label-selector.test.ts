import { describe, expect, it } from 'vitest';
import { LabelSelectorError, matchesLabelSelector, parseLabelSelector } from './label-selector';

const matches = (selector: string, labels?: Record<string, string>) => matchesLabelSelector(parseLabelSelector(selector), labels);

describe('label selectors', () => {
  it('matches equality, inequality, sets and existence', () => {
    expect(matches('', {})).toBe(true);
    expect(matches('app=web', { app: 'web' })).toBe(true);
    expect(matches('app==web', { app: 'api' })).toBe(false);
    expect(matches('app=web,tier!=db', { app: 'web', tier: 'db' })).toBe(false);
    expect(matches('app=web,tier!=db', { app: 'web' })).toBe(true);
    expect(matches('env in (prod, stage),app', { env: 'stage', app: 'x' })).toBe(true);
    expect(matches('env in (prod,stage)', { env: 'dev' })).toBe(false);
    expect(matches('env notin (prod)', {})).toBe(true);
    expect(matches('!canary', { canary: 'true' })).toBe(false);
    expect(matches('example.com/team=a', { 'example.com/team': 'a' })).toBe(true);
    expect(matches('app=web', undefined)).toBe(false);
  });

  it('refuses what is not a selector', () => {
    for (const bad of ['app=web,', 'a b', 'app in (x', 'app=we b', 'UPPER.com/x=y', 'app=web)', '-app=x', 'env in ()']) {
      expect(() => parseLabelSelector(bad), bad).toThrow(LabelSelectorError);
    }
    // An empty value is legal: the label is present and empty.
    expect(matches('app=', { app: '' })).toBe(true);
  });
});
