import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../env';
import { log } from '../log/logger';

const globalForKey = globalThis as unknown as { __portholeMasterKey?: Buffer };

function decodeKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

/**
 * The 32-byte key that encrypts credentials. From PORTHOLE_SECRET_KEY, or, on the embedded
 * default, generated once into the data directory (with a warning: whoever can read the
 * data directory can then read the credentials).
 */
export function loadMasterKey(): Buffer {
  if (globalForKey.__portholeMasterKey) return globalForKey.__portholeMasterKey;
  const { secretKey, dataDir } = env();
  let key: Buffer;
  if (secretKey) {
    key = decodeKey(secretKey);
  } else {
    const file = path.join(dataDir, 'secret.key');
    if (fs.existsSync(file)) {
      key = decodeKey(fs.readFileSync(file, 'utf8').trim());
    } else {
      key = randomBytes(32);
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
      log().warn(`generated a new encryption key in ${file}. Set PORTHOLE_SECRET_KEY and keep it outside the data directory in production.`);
    }
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  }
  globalForKey.__portholeMasterKey = key;
  return key;
}

/** Derived keys by master key (tests swap it) and purpose: HKDF once, not on every credential read. */
const derivedKeys = new WeakMap<Buffer, Map<string, Buffer>>();

/** A key for one purpose (credentials, auth cookies, tickets), derived from the master key. */
export function deriveKey(purpose: string): Buffer {
  const master = loadMasterKey();
  let byPurpose = derivedKeys.get(master);
  if (!byPurpose) derivedKeys.set(master, (byPurpose = new Map<string, Buffer>()));
  let key = byPurpose.get(purpose);
  if (!key) byPurpose.set(purpose, (key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `porthole:${purpose}`, 32))));
  // A copy: the caller holds its own, the cached one never changes.
  return Buffer.from(key);
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
