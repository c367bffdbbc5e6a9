import fs from 'node:fs';
import path from 'node:path';
import { utils } from 'ssh2';
import { hostKeyFingerprint } from '../../connectors/ssh/host-key';

export type DemoHostKey = { privateKey: string; publicKey: string; fingerprint: string };

/** Tries at most this many keys: one in ~270 is unusable, so 20 in a row never are. */
const MAX_ATTEMPTS = 20;

/**
 * A new ed25519 host key, as OpenSSH text. ssh2's generator drops the leading zero byte of about
 * one public key in 270 and then cannot parse the key it wrote ("Malformed OpenSSH private
 * key"): such a key is thrown away and another one generated.
 */
export function generateDemoHostKey(): string {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { private: privateKey } = utils.generateKeyPairSync('ed25519', { comment: 'porthole-demo' });
    if (!(utils.parseKey(privateKey) instanceof Error)) return privateKey;
  }
  throw new Error(`no usable ed25519 host key in ${MAX_ATTEMPTS} attempts`);
}

/** The demo server's ed25519 host key, generated once and kept in the data directory. */
export function loadDemoHostKey(dir: string): DemoHostKey {
  const file = path.join(dir, 'host_ed25519');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, generateDemoHostKey(), { mode: 0o600 });
  }
  const privateKey = fs.readFileSync(file, 'utf8');
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error) {
    throw new Error(`${file} is not a usable host key (${parsed.message}): delete it, and the next start generates a new one`);
  }
  const publicKey = parsed.getPublicSSH().toString('base64');
  return { privateKey, publicKey, fingerprint: hostKeyFingerprint(Buffer.from(publicKey, 'base64')) };
}
