import { ConnectorError, type ConnectorErrorCode } from '../connector-error';
import { socketConnectError } from '../socket-errors';
import type { KubeEndpoint } from './kube-endpoint';

/** A refusal by the API server, with its HTTP status (the resource form tells 401 from 403). */
export class KubeApiError extends ConnectorError {
  constructor(
    code: ConnectorErrorCode,
    userMessage: string,
    readonly status: number,
  ) {
    super(code, userMessage);
  }
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function isTlsVerifyError(error: unknown): boolean {
  return TLS_CODES.has((error as { code?: string } | undefined)?.code ?? '');
}

/** What the API server's answer means for the person who asked, in one sentence. */
export function kubeStatusError(status: number, what: string, serverMessage?: string): KubeApiError {
  const detail = serverMessage ? ` (${serverMessage.slice(0, 200)})` : '';
  if (status === 401)
    return new KubeApiError('auth_failed', 'The Kubernetes API server rejected the stored token (401): it is wrong, expired or revoked.', status);
  if (status === 403) return new KubeApiError('auth_failed', `The stored token may not ${what} (403 Forbidden)${detail}.`, status);
  if (status === 404) return new KubeApiError('connect_failed', `Not found: ${what} (404)${detail}.`, status);
  return new KubeApiError('connect_failed', `The Kubernetes API server answered ${status} to ${what}${detail}.`, status);
}

/** Socket and TLS failures on the way to the API server. */
export function kubeSocketError(error: unknown, endpoint: KubeEndpoint): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const where = `${endpoint.host}:${endpoint.port}`;
  const code = (error as { code?: string } | undefined)?.code;
  if (isTlsVerifyError(error)) {
    return new ConnectorError(
      'connect_failed',
      `The TLS certificate of ${where} does not verify against the resource's CA bundle (${code}): check the CA and the API server URL.`,
      { cause: error },
    );
  }
  const socket = socketConnectError(code, { host: endpoint.host, port: endpoint.port, service: 'a Kubernetes API server' }, error);
  if (socket) return socket;
  const message = (error as { message?: string } | undefined)?.message ?? String(error);
  return new ConnectorError('connect_failed', `Cannot reach the Kubernetes API server at ${where}: ${message}`, { cause: error });
}
