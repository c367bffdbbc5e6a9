import { describe, expect, it } from 'vitest';
import { isSessionRecorded } from './is-session-recorded';

describe('isSessionRecorded', () => {
  it('follows the resource until the session connects', () => {
    expect(isSessionRecorded({ status: 'pending', isRecorded: true }, { recording: 'off' })).toBe(false);
    expect(isSessionRecorded({ status: 'pending', isRecorded: false }, { recording: 'on' })).toBe(true);
  });

  it('keeps what the gateway decided once the session has connected, whatever the resource says now', () => {
    expect(isSessionRecorded({ status: 'ended', isRecorded: false }, { recording: 'on' })).toBe(false);
    expect(isSessionRecorded({ status: 'active', isRecorded: true }, { recording: 'off' })).toBe(true);
  });

  it('uses the session row when the resource is gone', () => {
    expect(isSessionRecorded({ status: 'pending', isRecorded: false })).toBe(false);
  });
});
