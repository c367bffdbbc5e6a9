/*
 * `npm run bench:ssh-ciphers`: how fast ssh2 decrypts what a target sends, with its native
 * binding and with node:crypto (the binding moved aside, as `npm install` does on Node 24.19+:
 * server/connectors/ssh/ssh2-binding.mjs). In-process, no network: each round encrypts
 * PACKETS packets of 32 KiB (a full SSH channel packet) and times decrypting them.
 *
 *   npm run bench:ssh-ciphers -- --rounds=5 --packets=3000
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, packets: { type: 'string', default: '3000' } } });
const ROUNDS = Number(values.rounds);
const PACKETS = Number(values.packets);
const PAYLOAD = 32 * 1024;

const require = createRequire(path.join(process.cwd(), 'package.json'));
const ssh2Crypto = require('ssh2/lib/protocol/crypto');
const { createCipher, createDecipher, CIPHER_INFO, MAC_INFO, bindingAvailable } = ssh2Crypto;

/** The ciphers ssh2 offers first (GCM, ChaCha20-Poly1305), and CTR with the MACs it pairs with. */
const CONTENDERS = [
  ['aes128-gcm@openssh.com', null],
  ['chacha20-poly1305@openssh.com', null],
  ['aes128-ctr', 'hmac-sha2-256-etm@openssh.com'],
  ['aes128-ctr', 'hmac-sha2-256'],
];

/** The bytes a target would send for PACKETS packets, and a decipher ready for them. */
function prepare(cipherName, macName, forceNative) {
  const cipherInfo = CIPHER_INFO[cipherName];
  const macInfo = macName ? MAC_INFO[macName] : undefined;
  // Each side gets its own copies: ssh2 advances the IV in place.
  const keys = () => ({ key: Buffer.alloc(cipherInfo.keyLen, 7), iv: Buffer.alloc(cipherInfo.ivLen, 9), macKey: macInfo && Buffer.alloc(macInfo.len, 3) });
  const wire = [];
  const sender = keys();
  const cipher = createCipher({
    outbound: {
      seqno: 0,
      onWrite: (bytes) => wire.push(Buffer.from(bytes)),
      cipherInfo,
      cipherKey: sender.key,
      cipherIV: sender.iv,
      macInfo,
      macKey: sender.macKey,
      forceNative,
    },
  });
  const payload = Buffer.alloc(PAYLOAD, 0x61);
  for (let i = 0; i < PACKETS; i++) {
    const packet = cipher.allocPacket(PAYLOAD);
    payload.copy(packet, 5);
    cipher.encrypt(packet);
  }
  const receiver = keys();
  const received = { bytes: 0 };
  const decipher = createDecipher({
    inbound: {
      seqno: 0,
      // ssh2 reads a returned value as "stop here": return nothing.
      onPayload: (bytes) => {
        received.bytes += bytes.length;
      },
      decipherInfo: cipherInfo,
      decipherKey: receiver.key,
      decipherIV: receiver.iv,
      macInfo,
      macKey: receiver.macKey,
      forceNative,
    },
  });
  return { bytes: Buffer.concat(wire), decipher, received };
}

/** MB/s decrypting, fed 64 KiB at a time as a socket would. */
function decryptRate({ bytes, decipher, received }) {
  const started = process.hrtime.bigint();
  for (let offset = 0; offset < bytes.length; offset += 65536) decipher.decrypt(bytes, offset, Math.min(offset + 65536, bytes.length));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (received.bytes !== PACKETS * PAYLOAD) throw new Error(`decrypted ${received.bytes} of ${PACKETS * PAYLOAD} bytes`);
  return (PACKETS * PAYLOAD) / 1e6 / seconds;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

await ssh2Crypto.init;
const rates = new Map();
for (let round = 0; round < ROUNDS; round++) {
  for (const [cipherName, macName] of CONTENDERS) {
    for (const forceNative of bindingAvailable ? [false, true] : [true]) {
      const label = `${cipherName}${macName ? ` + ${macName}` : ''}, ${forceNative ? 'node:crypto' : 'native binding'}`;
      rates.set(label, [...(rates.get(label) ?? []), decryptRate(prepare(cipherName, macName, forceNative))]);
    }
  }
}
console.log(`Node ${process.version}, ssh2 binding ${bindingAvailable ? 'loaded' : 'not loaded'}, ${PACKETS} × 32 KiB packets, ${ROUNDS} rounds`);
console.log('| cipher, implementation | decrypt MB/s, median (min–max) |\n|---|---|');
for (const [label, values] of rates) {
  console.log(`| ${label} | ${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}) |`);
}
