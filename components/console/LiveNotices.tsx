import { WatchedBanner } from '../sessions/WatchedBanner';
import { IdleWarning } from './IdleWarning';
import type { IdleNotice } from './relay-socket';

/**
 * What every live console (terminal, SQL, HTTP) tells its engineer while connected: who watches
 * (a banner it cannot hide) and that the idle limit is near. `what`: the console's input, as in
 * "Nothing typed for a while".
 */
export function LiveNotices({ isConnected, watchers, idle, what }: { isConnected: boolean; watchers?: string[]; idle?: IdleNotice; what: string }) {
  if (!isConnected) return null;
  return (
    <>
      {watchers?.length ? <WatchedBanner names={watchers} /> : null}
      {idle ? <IdleWarning notice={idle} what={what} /> : null}
    </>
  );
}
