import net from 'node:net';

/**
 * Which IP addresses Porthole refuses to open outbound connections to, and why. Pure: callers
 * resolve host names first (see checked-lookup.ts) and pass every address here.
 */

function blockList(v4: [string, number][], v6: [string, number][]): net.BlockList {
  const list = new net.BlockList();
  for (const [address, prefix] of v4) list.addSubnet(address, prefix, 'ipv4');
  for (const [address, prefix] of v6) list.addSubnet(address, prefix, 'ipv6');
  return list;
}

/** Link-local: where cloud instance metadata lives (169.254.169.254, fd00:ec2::254 sits in ULA, listed apart). */
const METADATA = blockList(
  [['169.254.0.0', 16]],
  [
    ['fe80::', 10],
    ['fd00:ec2::254', 128],
  ],
);

/** Not the public internet: loopback, private, shared (CGNAT), link-local, "this network", multicast, reserved. */
const NON_PUBLIC = blockList(
  [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ],
  [
    ['::', 128],
    ['::1', 128],
    // NAT64 addresses carry an IPv4 address that may be private. (IPv4-mapped ::ffff:0:0/96
    // is refused by isNonPublicAddress itself: BlockList would match every IPv4 address to it.)
    ['64:ff9b::', 96],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ],
);

/** `::ffff:169.254.169.254` is 169.254.169.254 to the kernel. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

function matches(list: net.BlockList, address: string): boolean {
  const ip = unmapped(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  const family = net.isIP(ip);
  if (family === 0) return false;
  return list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** True for any address that is not on the public internet (webhook targets must be). */
export function isNonPublicAddress(address: string): boolean {
  return matches(NON_PUBLIC, address) || /^\[?::ffff:/i.test(address);
}

const LOOPBACK = blockList([['127.0.0.0', 8]], [['::1', 128]]);

/** True for this machine's own addresses (127.0.0.0/8, ::1). */
export function isLoopbackAddress(address: string): boolean {
  return matches(LOOPBACK, address);
}

/** True for link-local addresses, where cloud metadata services answer. */
export function isMetadataAddress(address: string): boolean {
  return matches(METADATA, address);
}

const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

/** Host names that are the metadata service whatever they resolve to. */
export function isMetadataHostName(host: string): boolean {
  return METADATA_NAMES.has(host.toLowerCase().replace(/\.$/, ''));
}

/** Names that always mean this machine. */
export function isLoopbackHostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
