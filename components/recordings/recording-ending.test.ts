import { describe, expect, it } from 'vitest';
import { notableRecordingEnding, recordingEnding } from './recording-ending';

const ended = { kind: 'terminal' as const, sessionStatus: 'ended', endMessage: null };

describe('how a recorded session ended', () => {
  it('says nothing while the session runs or when it was interrupted (the recording says why)', () => {
    expect(recordingEnding({ ...ended, sessionStatus: 'active', endReason: null }, true)).toBeNull();
    expect(recordingEnding({ ...ended, sessionStatus: 'interrupted', endReason: null }, true)).toBeNull();
  });

  it('gives a termination its title and the terminator’s reason, for the owner and for an auditor', () => {
    const terminated = { ...ended, endReason: 'terminated' as const, endMessage: 'Session terminated by Ada: outside the window' };
    expect(recordingEnding(terminated, true)).toMatchObject({ title: 'Session terminated', detail: 'By Ada: outside the window' });
    expect(notableRecordingEnding(terminated, false)).toMatchObject({ title: 'Session terminated' });
    expect(recordingEnding({ ...ended, endReason: 'grant_revoked' }, false)?.title).toBe('The access was revoked');
  });

  it('leaves the engineer’s own exit out of a list but names it on the replay, in the console’s words', () => {
    const closed = { ...ended, kind: 'sql' as const, endReason: 'disconnected' as const };
    expect(notableRecordingEnding(closed, true)).toBeNull();
    expect(recordingEnding(closed, true)?.title).toBe('You closed the console');
    expect(recordingEnding({ ...closed, kind: 'terminal' }, false)?.title).toBe('The user closed the terminal');
  });
});
