import dns from 'node:dns';
import net from 'node:net';

/** Which addresses an outbound connection may not reach, and how to say so. */
export type AddressCheck = {
  isRefused: (address: string) => boolean;
  isNameRefused?: (host: string) => boolean;
  /** Ends the error message: "<host> resolves to <address>, <reason>". */
  reason: string;
};

/** The target is (or resolves to) an address the check refuses. The message names the address: log it, do not show it to everyone. */
export class RefusedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

export type ResolvedAddress = { address: string; family: number };

function refuse(host: string, address: string, check: AddressCheck): never {
  throw new RefusedAddressError(address === host ? `${host} is ${check.reason}` : `${host} resolves to ${address}, ${check.reason}`);
}

/**
 * The check that needs no DNS: refused names and IP literals. For forms (at save time);
 * connecting goes through resolveChecked, which also checks what a name resolves to.
 */
export function isRefusedLiteral(host: string, check: AddressCheck): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (check.isNameRefused?.(bare)) return true;
  const ip = canonicalIp(bare);
  return ip !== undefined && check.isRefused(ip);
}

/** An IP address however it is written: `2852039166`, `0xa9.0xfe.0xa9.0xfe` and `169.254.169.254` are one address to the resolver. */
function canonicalIp(host: string): string | undefined {
  if (net.isIP(host)) return host;
  if (!/^[0-9a-fA-FxX.]+$/.test(host)) return undefined;
  try {
    const parsed = new URL(`http://${host}/`).hostname;
    return net.isIP(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves `host` and checks every address it has (one bad address is enough to refuse: the
 * connection could pick it). Callers connect to the returned addresses, never to the name
 * again, so a second DNS answer cannot swap in another address (DNS rebinding).
 */
export async function resolveChecked(host: string, check: AddressCheck, family: 0 | 4 | 6 = 0): Promise<ResolvedAddress[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (check.isNameRefused?.(bare)) refuse(host, host, check);
  if (net.isIP(bare)) {
    if (check.isRefused(bare)) refuse(host, bare, check);
    return [{ address: bare, family: net.isIP(bare) }];
  }
  const addresses = await dns.promises.lookup(bare, { all: true, family, verbatim: true });
  if (addresses.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
  for (const { address } of addresses) if (check.isRefused(address)) refuse(host, address, check);
  return addresses;
}

/**
 * A `lookup` for net/tls/http options that resolves through resolveChecked, so the socket
 * connects to exactly the addresses that were checked. Node skips `lookup` for IP literals:
 * check those with resolveChecked before connecting.
 */
export function checkedLookup(check: AddressCheck): net.LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    resolveChecked(hostname, check, family).then(
      (addresses) => {
        const first = addresses[0]!;
        if (options.all) (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
