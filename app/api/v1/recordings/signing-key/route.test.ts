import { createPublicKey } from 'node:crypto';
import { expect, it } from 'vitest';
import { loadSigningKey } from '@/server/crypto/signing-key';
import { describeEachDriver } from '@/test/db-drivers';
import { GET } from './route';

describeEachDriver('GET /api/v1/recordings/signing-key', () => {
  it('publishes the current public key to anyone, without signing in', async () => {
    // No session and no token: the route must answer anyway (public keys are public).
    const response = await GET();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { current: string; keys: { keyId: string; algorithm: string; publicKeyPem: string; retiredAt: string | null }[] };
    const key = loadSigningKey();
    expect(body.current).toBe(key.keyId);
    expect(body.keys).toEqual([expect.objectContaining({ keyId: key.keyId, algorithm: 'Ed25519', retiredAt: null })]);
    expect(createPublicKey(body.keys[0]!.publicKeyPem).asymmetricKeyType).toBe('ed25519');
    expect(JSON.stringify(body)).not.toMatch(/PRIVATE KEY/);
  });
});
