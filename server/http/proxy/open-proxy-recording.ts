import type { Resource, Session } from '@/db/schema';
import type { HttpTarget } from '../../connectors/http/http-target';
import { credentialForms, credentialHeader } from '../../connectors/http/upstream-headers';
import { createHttpMasker, type HttpMasker } from '../../masking/http/mask-exchange';
import { loadSessionMasking } from '../../masking/rules-store/load-masking';
import { HttpExchangeRecording } from '../../recording/http/http-exchange-recording';
import { answeredView } from '../../recording/http/http-exchange-view';
import { SqlRecorder } from '../../sql/sql-recorder';
import { openSqlSessionRecorder } from '../../sql/sql-session-recorder';
import { HttpSessionWatch } from '../../watch/http-session-watch';
import { proxiedRequestView } from './proxied-request-view';
import type { ProxyRecording } from './proxy-recording';

/**
 * The recording of a proxy session, as the HTTP console records (JSON markers, one command-index
 * row per exchange): each request and answer masked by the resource's rules, the injected
 * credential replaced wherever it appears, and sent to whoever watches. Opened with the
 * session: no rules or no recording, no request (both fail closed). `onFailure` ends the session when the store fails later.
 */
export async function openProxyRecording({
  session,
  resource,
  onFailure,
}: {
  session: Session;
  resource: Resource;
  onFailure: (message: string) => void;
}): Promise<ProxyRecording> {
  const masking = await loadSessionMasking(resource.id);
  const recorder = await openSqlSessionRecorder({
    sessionId: session.id,
    userId: session.userId,
    resourceId: resource.id,
    onFailure,
    // Each exchange adds at most two bodies' first bytes: the store's backlog stays bounded by the requests in flight.
    onBehind: () => undefined,
  });
  // Recording off (a sandbox): an exchange is masked only while someone watches, and never stored.
  const isRecorded = recorder instanceof SqlRecorder;
  // A script shows no banner: nobody is told who watches.
  const watch = new HttpSessionWatch(() => undefined);
  const exchanges = new HttpExchangeRecording(watch.tap(recorder));
  const maskerFor = (target: HttpTarget): HttpMasker =>
    createHttpMasker({ engine: masking.masker, credentials: credentialForms(target), injectedHeader: credentialHeader(target)?.[0] ?? null });
  let count = 0;
  // A request still running when the recording is sealed (it did not settle in time) is not written after the end.
  let isFinished = false;
  return {
    watch,
    request(target, request) {
      if (isFinished || (!isRecorded && watch.count === 0)) return undefined;
      const n = count++;
      const view = proxiedRequestView(maskerFor(target), target, request, exchanges.now());
      return exchanges.request(n, view) ? { n, view } : undefined;
    },
    answer(target, { n, view }, answer) {
      if (!isFinished) exchanges.answer(n, answeredView(maskerFor(target), view, answer));
    },
    finish: ({ reason, message }) => {
      isFinished = true;
      watch.close({ reason, message });
      return recorder.finish({ reason, message, exitCode: null });
    },
  };
}
