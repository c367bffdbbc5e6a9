import type { Readable } from 'node:stream';
import type { HttpAuth, ResourceTls } from '@/db/schema';

/**
 * An HTTP resource opened for one request: its base URL, TLS, and the credential Porthole
 * injects. The caller (resources/) decrypts the credential; the connector never reads the
 * database.
 */
export type HttpTarget = {
  /** e.g. `https://api.internal:8443/v1`: requests are relative to it and may not leave it. */
  baseUrl: string;
  tls: ResourceTls;
  auth: HttpAuth;
  /** The bearer token, the basic-auth password or the header's value; empty for `none`. */
  credential: string;
};

/** A request relative to the base URL, as the console or the proxy hands it over. */
export type UpstreamRequest = {
  method: string;
  /** Starts with `/`; `..`, `//host` and absolute URLs are refused. */
  path: string;
  query: [string, string][];
  /** The client's headers: Authorization, Cookie, Host and hop-by-hop headers are dropped. */
  headers: [string, string][];
  body: Readable | Buffer;
  /** A streamed body's length when the client declared it: sent as Content-Length instead of chunked (some servers refuse chunked uploads). */
  contentLength?: number;
  /** Aborts the request (the console's cancel, the proxy's client going away). */
  signal?: AbortSignal;
  /** Overall deadline in ms (connect is 10 s and response headers 30 s whatever this says). */
  timeoutMs?: number;
};

/** The upstream's answer; `body` streams (the caller reads it or destroys it). Redirects are returned as they are. */
export type UpstreamResponse = {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Readable;
};
