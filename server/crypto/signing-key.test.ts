import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setTestEnv, testDataDir } from '@/test/env';
import { EnvError, parseEnv } from '../env';
import { loadSigningKey, SIGNING_KEY_FILE, signWithKey } from './signing-key';

const ed25519Pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('PORTHOLE_SIGNING_KEY', () => {
  it('takes an Ed25519 key as PEM, as PEM with \\n escapes (one-line env files) or as base64 DER', () => {
    const pem = ed25519Pem();
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64').toString('base64');
    for (const value of [pem, pem.trim().replace(/\n/g, '\\n'), der]) expect(parseEnv({ PORTHOLE_SIGNING_KEY: value }).signingKeyPem).toBe(pem);
  });

  it('stops the start with one line naming the variable for anything else, an RSA key included', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (const value of ['not a key', rsa, ed25519Pem().slice(0, 60)]) {
      expect(() => parseEnv({ PORTHOLE_SIGNING_KEY: value })).toThrow(EnvError);
      expect(() => parseEnv({ PORTHOLE_SIGNING_KEY: value })).toThrow(/^Invalid configuration: PORTHOLE_SIGNING_KEY: must be an Ed25519 private key/);
    }
  });
});

describe('loadSigningKey', () => {
  it('generates a key once into the data directory, private to Porthole (0600), and keeps using it', () => {
    const file = path.join(testDataDir(), SIGNING_KEY_FILE);
    fs.rmSync(file, { force: true });
    setTestEnv({});
    const key = loadSigningKey();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    // A restart (caches forgotten) reads the same key back.
    (globalThis as { __portholeSigningKey?: unknown }).__portholeSigningKey = undefined;
    expect(loadSigningKey().keyId).toBe(key.keyId);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('signs with PORTHOLE_SIGNING_KEY when it is set, and the signature checks out with its public key', () => {
    const pem = ed25519Pem();
    setTestEnv({ PORTHOLE_SIGNING_KEY: pem });
    const key = loadSigningKey();
    expect(key.publicKeyPem).toBe(createPublicKey(pem).export({ type: 'spki', format: 'pem' }));
    const signature = signWithKey(key, 'manifest');
    expect(verify(null, Buffer.from('manifest'), createPublicKey(key.publicKeyPem), Buffer.from(signature, 'base64'))).toBe(true);
    expect(signature).toBe(sign(null, Buffer.from('manifest'), pem).toString('base64'));
  });
});
