import { isIP } from 'node:net';

/**
 * The address a request came from, as the login limits count it: the socket's peer, or, behind
 * `trustProxy` proxies that each append the address they saw to X-Forwarded-For, the address the
 * outermost of them saw. Entries left of that one came from the client and prove nothing. null when
 * unknown (a request made in-process, without a socket).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | null,
  trustProxy = 0,
): string | null {
  let address = socketAddress;
  if (trustProxy > 0 && forwardedFor) {
    const hops = forwardedFor
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the outermost proxy got no header and saw the client itself.
    address = hops[Math.max(0, hops.length - trustProxy)] ?? address;
  }
  return address ? addressKey(address) : null;
}

/**
 * One key per client: IPv4 as it is; IPv6 by its /64 network, since anyone with one address of a
 * network usually holds all 2^64 of it; IPv4 mapped into IPv6 as IPv4. Anything else (a proxy wrote
 * something odd) is kept as written, cut short, so it still counts as one client.
 */
export function addressKey(raw: string): string {
  const address = raw.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address)?.[1];
  if (v4WithPort) return v4WithPort;
  if (isIP(address) === 4) return address;
  if (isIP(address) === 6) return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
  return address.slice(0, 100);
}

/** The eight groups of an IPv6 address, '::' filled in, without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) takes two groups; only the first four groups are used anyway.
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return groups.map((group) => group.replace(/^0+(?=.)/, ''));
}
