import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../env';
import { log } from '../log/logger';

export type SigningKey = { privateKey: KeyObject; publicKeyPem: string; keyId: string };

/** Where a generated key is kept, beside the encryption key (secret.key). */
export const SIGNING_KEY_FILE = 'signing-key.pem';

const globalForKey = globalThis as unknown as { __portholeSigningKey?: { source: string; key: SigningKey } };

/**
 * The key id: the first 16 hex digits of the SHA-256 of the public key (SPKI DER). The offline
 * verifier computes the same (scripts/verify-recording.mjs), so a bundle names its key.
 */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function toSigningKey(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`the recording-signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'a symmetric key'}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}

function readOrCreateKeyFile(file: string): KeyObject {
  if (fs.existsSync(file)) {
    try {
      return createPrivateKey(fs.readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`${file} does not hold a PKCS#8 PEM private key`);
    }
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // wx: of two processes starting at once, the second reads the first one's key.
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateKeyFile(file);
    throw error;
  }
  log().warn(`generated a recording-signing key in ${file}. Back it up; set PORTHOLE_SIGNING_KEY to share one key between replicas.`);
  return privateKey;
}

/**
 * The Ed25519 key that signs sealed recordings: PORTHOLE_SIGNING_KEY (validated by env.ts), or
 * one generated once into the data directory. Loaded again when its source changes.
 */
export function loadSigningKey(): SigningKey {
  const { signingKeyPem, dataDir } = env();
  const source = signingKeyPem ?? path.join(dataDir, SIGNING_KEY_FILE);
  const cached = globalForKey.__portholeSigningKey;
  if (cached?.source === source) return cached.key;
  const key = toSigningKey(signingKeyPem ? createPrivateKey(signingKeyPem) : readOrCreateKeyFile(source));
  globalForKey.__portholeSigningKey = { source, key };
  return key;
}

/** Ed25519 signature (base64) of `message` with the installation's key. */
export function signWithKey(key: SigningKey, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), key.privateKey).toString('base64');
}
