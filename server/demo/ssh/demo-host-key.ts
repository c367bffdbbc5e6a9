import fs from 'node:fs';
import path from 'node:path';
import { utils } from 'ssh2';
import { hostKeyFingerprint } from '../../connectors/ssh/host-key';

export type DemoHostKey = { privateKey: string; publicKey: string; fingerprint: string };

/** The demo server's ed25519 host key, generated once and kept in the data directory. */
export function loadDemoHostKey(dir: string): DemoHostKey {
  const file = path.join(dir, 'host_ed25519');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const pair = utils.generateKeyPairSync('ed25519', { comment: 'porthole-demo' });
    fs.writeFileSync(file, pair.private, { mode: 0o600 });
  }
  const privateKey = fs.readFileSync(file, 'utf8');
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error) throw new Error(`${file} is not a usable host key: ${parsed.message}`);
  const publicKey = parsed.getPublicSSH().toString('base64');
  return { privateKey, publicKey, fingerprint: hostKeyFingerprint(Buffer.from(publicKey, 'base64')) };
}
