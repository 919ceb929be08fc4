import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from '../../server/http/client-address.js';

describe('the client address the login limits count', () => {
  it('is the socket’s peer, and X-Forwarded-For is ignored unless proxies are trusted', () => {
    expect(clientAddress('203.0.113.7', null)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', 0)).toBe('127.0.0.1');
    expect(clientAddress(undefined, '198.51.100.1')).toBeNull();
  });

  it('behind trusted proxies, is the address the outermost one saw, whatever the client wrote before it', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.1', 1)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', '1.2.3.4, 5.6.7.8, 198.51.100.1', 1)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', 'forged, 198.51.100.1, 10.0.0.9', 2)).toBe('198.51.100.1');
    // A proxy that got no header from the client saw the client itself.
    expect(clientAddress('10.0.0.2', '198.51.100.1', 3)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', null, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', ' , ', 1)).toBe('10.0.0.2');
  });

  it('counts an IPv6 client by its /64 network, and IPv4 in any spelling as itself', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('[2001:db8:1:2::5]:443')).toBe('2001:db8:1:2::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.4')).toBe('192.0.2.4');
    expect(addressKey('192.0.2.4:5123')).toBe('192.0.2.4');
    expect(addressKey('unknown')).toBe('unknown');
    expect(addressKey('x'.repeat(500))).toHaveLength(100);
  });
});
