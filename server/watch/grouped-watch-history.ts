import type { SqlWatchEvent } from '@/lib/protocol/sql-watch-protocol';
import type { WatchHistory } from './console-watch';

/** Events kept for a watcher who joins late (statements and outcomes, or requests and responses). */
export const WATCH_HISTORY_EVENTS = 200;

/**
 * The latest watch events of a console, grouped (a SQL run, an HTTP exchange) so a late
 * watcher never gets an event without the one that opened its group: the oldest whole groups
 * go first; a single group longer than the bound loses its oldest events after the one that opened it.
 */
export class GroupedWatchHistory implements WatchHistory {
  private readonly groups: { id: string; events: SqlWatchEvent[] }[] = [];
  private size = 0;
  /** Some events were left out to stay within the bound. */
  isTrimmed = false;

  add(groupId: string, entry: SqlWatchEvent): SqlWatchEvent {
    let group = this.groups.findLast((candidate) => candidate.id === groupId);
    if (!group) this.groups.push((group = { id: groupId, events: [] }));
    group.events.push(entry);
    this.size += 1;
    while (this.size > WATCH_HISTORY_EVENTS) this.trim();
    return entry;
  }

  events(): SqlWatchEvent[] {
    return this.groups.flatMap((group) => group.events);
  }

  private trim(): void {
    this.isTrimmed = true;
    const oldest = this.groups[0]!;
    if (this.groups.length > 1) {
      this.groups.shift();
      this.size -= oldest.events.length;
    } else {
      oldest.events.splice(1, 1);
      this.size -= 1;
    }
  }
}
