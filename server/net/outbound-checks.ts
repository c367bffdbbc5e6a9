import { env } from '../env';
import { isLoopbackAddress, isLoopbackHostName, isMetadataAddress, isMetadataHostName, isNonPublicAddress } from './address-policy';
import { isRefusedLiteral, type AddressCheck } from './checked-lookup';

/**
 * Webhooks post wherever an admin points them, from inside the network: without a limit a
 * webhook could reach internal services and its delivery result would say which ports answer.
 * Undefined when PORTHOLE_WEBHOOK_ALLOW_PRIVATE is on.
 */
export function webhookAddressCheck(): AddressCheck | undefined {
  if (env().isWebhookPrivateAllowed) return undefined;
  return {
    isRefused: isNonPublicAddress,
    isNameRefused: isLoopbackHostName,
    reason: 'a loopback, private or link-local address (PORTHOLE_WEBHOOK_ALLOW_PRIVATE=1 allows it)',
  };
}

/** This machine, however it is written (`localhost`, `127.0.0.1`, `[::1]`, `2130706433`): no DNS asked. */
const LOOPBACK: AddressCheck = { isRefused: isLoopbackAddress, isNameRefused: isLoopbackHostName, reason: 'this machine' };

/**
 * Webhooks carry signed access events, so they go over https://. Plain http:// is only for a
 * test receiver on this machine, and only while PORTHOLE_WEBHOOK_ALLOW_PRIVATE is on.
 */
export function isPlainHttpWebhookAllowed(hostname: string): boolean {
  return env().isWebhookPrivateAllowed && isRefusedLiteral(hostname, LOOPBACK);
}

/**
 * Resources may be private hosts (that is the point), but not the cloud metadata service,
 * which hands out the machine's own credentials. Undefined when PORTHOLE_ALLOW_METADATA_HOSTS is on.
 */
export function resourceAddressCheck(): AddressCheck | undefined {
  if (env().isMetadataHostAllowed) return undefined;
  return {
    isRefused: isMetadataAddress,
    isNameRefused: isMetadataHostName,
    reason: 'a link-local (cloud metadata) address (PORTHOLE_ALLOW_METADATA_HOSTS=1 allows it)',
  };
}
