import { describe, expect, it } from 'vitest';
import { isLoopbackHostName, isMetadataAddress, isMetadataHostName, isNonPublicAddress } from './address-policy';

describe('outbound address policy', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.254',
    '169.254.169.254',
    '0.0.0.0',
    '::',
    '::1',
    '[::1]',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '::ffff:7f00:1',
    '224.0.0.1',
  ])('refuses %s for webhooks', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2001:4860:4860::8888', '2606:4700::1111'])(
    'allows the public address %s',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false);
    },
  );

  it.each(['169.254.169.254', '169.254.0.1', 'fe80::1', 'fd00:ec2::254', '::ffff:169.254.169.254'])('calls %s a metadata address', (address) => {
    expect(isMetadataAddress(address)).toBe(true);
  });

  it.each(['10.0.0.5', '127.0.0.1', '192.168.1.1', 'fd00:ec2::253', '8.8.8.8'])('does not call the private or public %s a metadata address', (address) => {
    expect(isMetadataAddress(address)).toBe(false);
  });

  it('knows the metadata and loopback host names', () => {
    expect(isMetadataHostName('metadata.google.internal')).toBe(true);
    expect(isMetadataHostName('METADATA.google.internal.')).toBe(true);
    expect(isMetadataHostName('db.internal')).toBe(false);
    expect(isLoopbackHostName('localhost')).toBe(true);
    expect(isLoopbackHostName('api.localhost')).toBe(true);
    expect(isLoopbackHostName('localhost.example.com')).toBe(false);
  });
});
