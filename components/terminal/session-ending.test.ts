import { describe, expect, it } from 'vitest';
import { CloseCode } from '@/lib/protocol/terminal-protocol';
import { endingFromClose, endingFromReason } from './session-ending';

describe('session endings in words', () => {
  it('names each end reason', () => {
    expect(endingFromReason('user_exit', 'The shell exited with code 0.', 0)).toEqual({ tone: 'ended', title: 'You exited the shell', detail: undefined });
    expect(endingFromReason('user_exit', '', 2).detail).toBe('Exit status 2.');
    expect(endingFromReason('target_closed', null).title).toBe('The host closed the connection');
    expect(endingFromReason('terminated', 'by admin@example.com').detail).toBe('by admin@example.com');
    // The gateway's words begin with the title: the banner does not say it twice.
    expect(endingFromReason('terminated', 'Session terminated by Ada Auditor: Running a migration outside the window')).toMatchObject({
      title: 'Session terminated',
      detail: 'By Ada Auditor: Running a migration outside the window',
    });
    expect(endingFromReason('error', 'Host key changed')).toEqual({ tone: 'error', title: 'Host key changed' });
    expect(endingFromReason('user_disabled', 'An admin disabled your account.')).toMatchObject({ tone: 'ended', title: 'Your account was disabled' });
    expect(endingFromReason('resource_deleted', null)).toMatchObject({ tone: 'ended', title: 'This resource was deleted' });
    // An idle end offers to connect again: the access still holds.
    expect(endingFromReason('idle_timeout', 'No input for 30 min, so Porthole ended the session.')).toEqual({
      tone: 'ended',
      title: 'Ended after a time without input',
      detail: 'No input for 30 min, so Porthole ended the session.',
    });
  });

  it('says an ended access once, and offers a new request instead of connecting again', () => {
    expect(endingFromReason('grant_revoked', 'Your access was revoked.')).toEqual({
      tone: 'ended',
      title: 'Your access was revoked',
      detail: undefined,
      nextStep: 'request-access',
    });
    expect(endingFromReason('grant_expired', 'Your access grant expired. Request access again to reconnect.')).toEqual({
      tone: 'ended',
      title: 'Your access grant expired',
      detail: 'Request access again to reconnect.',
      nextStep: 'request-access',
    });
    expect(endingFromReason('grant_revoked', 'Revoked by Arlo: incident closed.').detail).toBe('Revoked by Arlo: incident closed.');
    expect(endingFromReason('resource_deleted', null).nextStep).toBe('none');
    expect(endingFromReason('target_closed', null).nextStep).toBeUndefined();
  });

  it("fits the words to a SQL console and to someone else's session", () => {
    expect(endingFromReason('user_exit', 'The browser closed the console.', null, { kind: 'sql' }).title).toBe('You closed the console');
    expect(endingFromReason('target_closed', null, null, { kind: 'sql' }).title).toBe('The database closed the connection');
    expect(endingFromReason('user_exit', null, 0, { isOwn: false }).title).toBe('The user exited the shell');
    expect(endingFromReason('user_exit', null, null, { kind: 'sql', isOwn: false }).title).toBe('The user closed the console');
    expect(endingFromReason('grant_expired', null, null, { kind: 'sql', isOwn: false }).title).toBe('The access grant expired');
    expect(endingFromReason('user_disabled', null, null, { isOwn: false }).title).toBe('The account was disabled');
    // The message is written to the owner: someone else's row reads the part beyond the owner's title.
    expect(endingFromReason('grant_revoked', 'Your access was revoked by Ada: change freeze.', null, { isOwn: false })).toMatchObject({
      title: 'The access was revoked',
      detail: 'By Ada: change freeze.',
    });
    expect(endingFromReason('grant_revoked', 'Your access was revoked.', null, { isOwn: false }).detail).toBeUndefined();
  });

  it('says the page closed the session when the browser did, not that the shell exited', () => {
    expect(endingFromReason('disconnected', 'The browser closed the terminal.', null)).toEqual({
      tone: 'ended',
      title: 'You closed the terminal',
      detail: undefined,
    });
    expect(endingFromReason('disconnected', null, null, { isOwn: false }).title).toBe('The user closed the terminal');
    expect(endingFromReason('disconnected', 'The browser closed the console.', null, { kind: 'sql' }).title).toBe('You closed the console');
    expect(endingFromReason('disconnected', null, null, { kind: 'http', isOwn: false }).title).toBe('The user closed the console');
  });

  it('fits the words to an HTTP console: no shell, no database', () => {
    expect(endingFromReason('user_exit', null, null, { kind: 'http' }).title).toBe('You closed the console');
    expect(endingFromReason('target_closed', null, null, { kind: 'http' }).title).toBe('The API closed the connection');
    expect(endingFromReason('user_exit', null, null, { kind: 'http', isOwn: false }).title).toBe('The user closed the console');
  });

  it('explains a close without an exit frame', () => {
    expect(endingFromClose(CloseCode.Unauthorized, '').tone).toBe('error');
    expect(endingFromClose(1006, '').title).toBe('The connection to Porthole was lost');
    expect(endingFromClose(CloseCode.SessionEnded, '').tone).toBe('ended');
  });
});
