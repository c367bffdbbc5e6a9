import { describe, expect, it } from 'vitest';
import { formatSessionTarget } from './session-target';

describe('formatSessionTarget', () => {
  it('reads namespace/pod · container', () => {
    expect(formatSessionTarget({ namespace: 'web', pod: 'api-7f9c', container: 'app' })).toBe('web/api-7f9c · app');
  });

  it('is empty for a session without a pod', () => {
    expect(formatSessionTarget(null)).toBe('');
    expect(formatSessionTarget(undefined)).toBe('');
  });
});
