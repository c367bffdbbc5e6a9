import { RefusedAddressError, resolveChecked } from '../net/checked-lookup';
import { resourceAddressCheck } from '../net/outbound-checks';
import { ConnectorError } from './connector-error';
import { socketConnectError } from './socket-errors';

/**
 * The address a connector connects to. The resource form refuses metadata hosts written as
 * such; this checks what the name resolves to now, and the connector then connects to that
 * checked address, not to the name (which could resolve differently a moment later). With
 * PORTHOLE_ALLOW_METADATA_HOSTS on, the name is returned as it is.
 */
export async function resolveTargetHost(endpoint: { host: string; port: number; service: string }): Promise<string> {
  const check = resourceAddressCheck();
  if (!check) return endpoint.host;
  try {
    const [first] = await resolveChecked(endpoint.host, check);
    return first?.address ?? endpoint.host;
  } catch (error) {
    if (error instanceof RefusedAddressError) throw new ConnectorError('connect_failed', `Porthole does not connect to ${error.message}.`, { cause: error });
    throw socketConnectError((error as NodeJS.ErrnoException).code, endpoint, error) ?? error;
  }
}
