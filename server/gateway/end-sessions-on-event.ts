import { subscribe, type SessionSelector, type SessionTerminateEvent } from '../events/event-bus';
import { liveSessions, type LiveSession } from '../relay/live-sessions';

function isSelected(session: LiveSession, selector: SessionSelector): boolean {
  if ('sessionId' in selector) return session.id === selector.sessionId;
  if ('userId' in selector) return session.userId === selector.userId;
  return session.resourceId === selector.resourceId;
}

/** Ends the sessions this process relays that the event selects; returns their ids. */
export function endSelectedSessions(event: SessionTerminateEvent): string[] {
  const selected = [...liveSessions().values()].filter((session) => isSelected(session, event.selector));
  for (const session of selected) session.terminate(event.message, event.reason);
  return selected.map((session) => session.id);
}

/**
 * The gateway's half of `session.terminate`: whichever replica published it (this one, or
 * another through the PostgreSQL bridge), the replica relaying a selected session ends it.
 * The same listener tells a watched session who watches it. Returns a function that stops listening.
 */
export function endSessionsOnEvent(): () => void {
  return subscribe((event) => {
    if (event.type === 'session.terminate') endSelectedSessions(event);
    // The watched engineer's banner, whichever replica the watcher's socket is on.
    else if (event.type === 'session.watch') liveSessions().get(event.sessionId)?.setWatching?.(event);
  });
}
