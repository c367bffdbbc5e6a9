import { describe, expect, it } from 'vitest';
import { socketConnectError } from './socket-errors';

const endpoint = { host: 'db.internal', port: 5432, service: 'PostgreSQL' };

describe('socketConnectError', () => {
  it('names the failure and the endpoint, never a stack', () => {
    expect(socketConnectError('ECONNREFUSED', endpoint, new Error('x'))).toMatchObject({
      code: 'connection_refused',
      message: 'Connection refused by db.internal:5432: is PostgreSQL listening there?',
    });
    expect(socketConnectError('EAI_AGAIN', endpoint, null)).toMatchObject({ code: 'dns_failed', message: 'Cannot resolve the host name "db.internal".' });
    expect(socketConnectError('ENETUNREACH', endpoint, null)).toMatchObject({ code: 'host_unreachable' });
    expect(socketConnectError('ETIMEDOUT', endpoint, null)).toMatchObject({ code: 'timeout' });
    expect(socketConnectError('EPIPE', endpoint, null)).toMatchObject({ code: 'connection_closed' });
  });

  it('leaves other codes to the connector', () => {
    expect(socketConnectError('28P01', endpoint, null)).toBeNull();
    expect(socketConnectError(undefined, endpoint, null)).toBeNull();
  });
});
