import http from 'node:http';
import https from 'node:https';
import { checkedLookup, isRefusedLiteral, RefusedAddressError } from '../net/checked-lookup';
import { isPlainHttpWebhookAllowed, webhookAddressCheck } from '../net/outbound-checks';

/**
 * One POST; resolves to the HTTP status, throws for refused targets, network errors and
 * timeouts. Unless private targets are allowed, the socket connects only to addresses checked
 * after resolution (a custom `lookup`), so a name cannot pass the check and then rebind.
 * Redirects are not followed.
 */
export async function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  const target = new URL(url);
  const check = webhookAddressCheck();
  // Saved before the rule existed, or edited in the database: refuse here too.
  if (target.protocol !== 'https:' && !isPlainHttpWebhookAllowed(target.hostname))
    throw new RefusedAddressError(`${target.protocol}// is not allowed for webhooks`);
  // Node never calls `lookup` for an IP literal.
  if (check && isRefusedLiteral(target.hostname, check)) throw new RefusedAddressError(`${target.hostname} is ${check.reason}`);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: check ? checkedLookup(check) : undefined,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
