import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, expect, inject, it } from 'vitest';
import { publish, subscribe, type AccessEvent, type PortholeEvent } from './event-bus';
import { startPgEventBridge } from './pg-bridge';

const event = (): AccessEvent => ({ type: 'access', requestId: randomUUID(), resourceId: randomUUID(), requesterId: randomUUID(), status: 'pending' });

async function waitFor<T>(check: () => T | undefined, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let stop: (() => Promise<void>) | undefined;
let other: pg.Client | undefined;
afterEach(async () => {
  await stop?.();
  await other?.end();
});

it('relays events between replicas through LISTEN/NOTIFY, ignoring its own', async () => {
  const url = inject('postgresUrl');
  const bridge = startPgEventBridge(url);
  stop = bridge.stop;
  // Another replica, played by a plain connection.
  other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query('LISTEN porthole_events');
  const fromUs: string[] = [];
  other.on('notification', (message) => fromUs.push(message.payload ?? ''));

  const received: AccessEvent[] = [];
  const unsubscribe = subscribe((e) => e.type === 'access' && received.push(e));
  try {
    await bridge.ready;
    const ours = event();
    publish(ours);
    const payload = await waitFor(() => fromUs.find((p) => p.includes(ours.requestId)));
    expect(JSON.parse(payload)).toMatchObject({ event: ours });
    expect(received.filter((e) => e.requestId === ours.requestId)).toHaveLength(1); // local delivery only, no echo

    const theirs = event();
    await other.query('SELECT pg_notify($1, $2)', ['porthole_events', JSON.stringify({ origin: 'another-replica', event: theirs })]);
    await waitFor(() => received.find((e) => e.requestId === theirs.requestId));
    // A statement review held on another replica reaches this one's approvers.
    const review = { type: 'sql_review', reviewId: randomUUID(), resourceId: randomUUID(), requesterId: randomUUID(), status: 'pending' };
    const reviews: string[] = [];
    const unsubscribeReviews = subscribe((e) => e.type === 'sql_review' && reviews.push(e.reviewId));
    try {
      await other.query('SELECT pg_notify($1, $2)', ['porthole_events', JSON.stringify({ origin: 'another-replica', event: review })]);
      await waitFor(() => reviews.find((id) => id === review.reviewId));
    } finally {
      unsubscribeReviews();
    }
    await other.query('SELECT pg_notify($1, $2)', ['porthole_events', 'not json']);
  } finally {
    unsubscribe();
  }
});

it('relays a watch starting and a session opening from another replica (the engineer’s banner, live session lists)', async () => {
  const url = inject('postgresUrl');
  const bridge = startPgEventBridge(url);
  stop = bridge.stop;
  other = new pg.Client({ connectionString: url });
  await other.connect();
  const received: PortholeEvent[] = [];
  const unsubscribe = subscribe((e) => received.push(e));
  try {
    await bridge.ready;
    const watch = { type: 'session.watch', sessionId: randomUUID(), watchId: randomUUID(), watcherName: 'Ada Auditor', isWatching: true };
    const change = { type: 'session.change', sessionId: randomUUID(), userId: randomUUID(), status: 'active' };
    for (const theirs of [watch, change])
      await other.query('SELECT pg_notify($1, $2)', ['porthole_events', JSON.stringify({ origin: 'another-replica', event: theirs })]);
    expect(await waitFor(() => received.find((e) => e.type === 'session.watch'))).toEqual(watch);
    expect(await waitFor(() => received.find((e) => e.type === 'session.change'))).toEqual(change);
  } finally {
    unsubscribe();
  }
});

it('tells every replica to drop its cached tokens and resources: on a change there, and when its own bridge (re)connects', async () => {
  const url = inject('postgresUrl');
  const received: PortholeEvent[] = [];
  const unsubscribe = subscribe((e) => e.type === 'cache.invalidate' && received.push(e));
  try {
    const bridge = startPgEventBridge(url);
    stop = bridge.stop;
    await bridge.ready;
    // Changes announced while it was not listening cannot reach it: connecting drops everything.
    expect(received).toEqual([
      { type: 'cache.invalidate', scope: 'auth' },
      { type: 'cache.invalidate', scope: 'resources' },
    ]);
    received.length = 0;
    other = new pg.Client({ connectionString: url });
    await other.connect();
    const revoked = { type: 'cache.invalidate', scope: 'auth' };
    await other.query('SELECT pg_notify($1, $2)', ['porthole_events', JSON.stringify({ origin: 'another-replica', event: revoked })]);
    expect(await waitFor(() => received.find((e) => e.type === 'cache.invalidate'))).toEqual(revoked);
  } finally {
    unsubscribe();
  }
});
