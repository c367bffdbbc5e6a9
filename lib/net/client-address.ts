import { BlockList, isIP } from 'node:net';

/**
 * The client's address, for the login limiter, audit events and logs. Behind a reverse proxy
 * every socket comes from the proxy, so the address must come from X-Forwarded-For — but only
 * the part that trusted proxies wrote: anything to the left of the first untrusted hop is
 * whatever the client chose to send.
 *
 * Only X-Forwarded-For is read, not Forwarded (RFC 7239): a proxy sets one of them, and
 * believing the other would let a client write it. nginx, Caddy, HAProxy, Traefik and the
 * cloud load balancers all set X-Forwarded-For.
 */

const SHORTHANDS: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

const MAPPED_V4 = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/** One address as written in a header or by the socket, in one spelling; undefined if it is none. */
export function normalizeAddress(raw: string | undefined): string | undefined {
  let text = (raw ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? '';
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.indexOf(':'));
  text = text.replace(/%.*$/, ''); // a zone id names an interface of the sender, not a host
  const family = isIP(text);
  if (family === 4) return text;
  if (family !== 6) return undefined;
  // One spelling per address, or 2001:DB8::1 and 2001:db8:0::1 would be counted apart.
  const canonical = new URL(`http://[${text}]`).hostname.slice(1, -1);
  const mapped = MAPPED_V4.exec(canonical);
  if (!mapped) return canonical;
  const word = (hex: string | undefined) => parseInt(hex ?? '0', 16);
  const [high, low] = [word(mapped[1]), word(mapped[2])];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Parses PORTHOLE_TRUSTED_PROXIES: comma-separated addresses, CIDR ranges and the shorthands
 * `loopback` and `private`. Throws with a message naming the first bad entry.
 */
export function parseTrustedProxies(spec: string): BlockList {
  const list = new BlockList();
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('lists no address');
  for (const entry of entries.flatMap((e) => SHORTHANDS[e.toLowerCase()] ?? [e])) {
    const [rawAddress, prefixText, extra] = entry.split('/');
    const address = isIP(rawAddress?.trim() ?? '') ? normalizeAddress(rawAddress) : undefined;
    const family = address && isIP(address) === 6 ? 'ipv6' : 'ipv4';
    const maxPrefix = family === 'ipv6' ? 128 : 32;
    const prefix = prefixText === undefined ? maxPrefix : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!address || extra !== undefined || !(prefix >= 0 && prefix <= maxPrefix)) {
      throw new Error(`"${entry}" is not an IP address, a CIDR range, "loopback" or "private"`);
    }
    list.addSubnet(address, prefix, family);
  }
  return list;
}

const isTrusted = (address: string, trusted: BlockList) => trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The client's address: the socket's peer, unless that is a trusted proxy; then X-Forwarded-For
 * walked from the right over trusted hops, to the first untrusted one. A malformed hop stops
 * the walk at the last address known good (a trusted proxy): never a client's own claim.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList | undefined): string {
  let address = normalizeAddress(peer);
  if (!address) return 'unknown';
  if (!trusted || forwardedFor === undefined) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  for (let i = hops.length - 1; i >= 0 && isTrusted(address, trusted); i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) break;
    address = hop;
  }
  return address;
}
