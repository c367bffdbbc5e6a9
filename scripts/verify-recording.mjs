#!/usr/bin/env node
/**
 * Verifies a Porthole recording bundle offline: no server, no database, Node's standard
 * library only. Recomputes every chunk's SHA-256 and the hash chain, checks the chain's head
 * and length against the signed manifest, and the Ed25519 signature with the bundled key and,
 * with --key, that this key is one you trust.
 *
 *   node scripts/verify-recording.mjs <bundle.tar> [--key <PEM file | PEM text | https://…/api/v1/recordings/signing-key>]
 *
 * Prints `OK: <n> chunks, signed by <key id>` (exit 0) or where it breaks (exit 1); exit 2
 * for a usage error. The chunk format is server/recording/format.ts (version 1).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const CHUNK_MAGIC = 'PHRC';
const CHUNK_HEADER_BYTES = 76;
const MANIFEST_FORMAT = 'porthole-recording-manifest/1';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const genesisHash = (recordingId) => sha256(Buffer.from(`porthole-recording:${recordingId}`));
const keyIdOf = (publicKey) => sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);

class BundleError extends Error {}

/** ustar entries (regular files), by name without the bundle's top directory. */
export function readTar(bytes) {
  const files = new Map();
  let offset = 0;
  while (offset + 512 <= bytes.length) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const stored = Number.parseInt(field(148, 8).trim(), 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    if (sum !== stored) throw new BundleError(`not a bundle: damaged tar header at byte ${offset}`);
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const start = offset + 512;
    if (start + size > bytes.length) throw new BundleError(`not a bundle: ${name} is cut short`);
    if (type === '0' || type === '') files.set(name.replace(/^[^/]*\//, ''), bytes.subarray(start, start + size));
    offset = start + Math.ceil(size / 512) * 512;
  }
  return files;
}

function parseManifest(text) {
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw new BundleError('manifest.json is not JSON');
  }
  const isValid =
    manifest?.format === MANIFEST_FORMAT &&
    typeof manifest.recordingId === 'string' &&
    Number.isInteger(manifest.chunkCount) &&
    manifest.chunkCount >= 0 &&
    (manifest.headHash === null || /^[0-9a-f]{64}$/.test(manifest.headHash)) &&
    typeof manifest.keyId === 'string';
  if (!isValid) throw new BundleError(`manifest.json is not a ${MANIFEST_FORMAT} manifest`);
  return manifest;
}

/** Public keys from --key: a PEM file, PEM text, or the JSON of /api/v1/recordings/signing-key (file or URL). */
export async function loadTrustedKeys(source) {
  let text = source;
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new BundleError(`cannot fetch ${source}: HTTP ${response.status}`);
    text = await response.text();
  } else if (!source.includes('-----BEGIN') && fs.existsSync(source)) {
    text = fs.readFileSync(source, 'utf8');
  }
  const pems = text.trimStart().startsWith('{')
    ? (JSON.parse(text).keys ?? []).map((key) => key.publicKeyPem)
    : (text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? []);
  if (pems.length === 0) throw new BundleError('--key holds no public key');
  return pems.map((pem) => createPublicKey(pem));
}

function requireFile(files, name) {
  const bytes = files.get(name);
  if (!bytes) throw new BundleError(`${name} missing`);
  return bytes;
}

/** The chain, chunk by chunk: the first problem found, or null. */
function checkChunks(files, manifest) {
  let index = [];
  try {
    index = files.has('chunks.json') ? JSON.parse(files.get('chunks.json').toString('utf8')) : [];
  } catch {
    return 'chunks.json is not JSON';
  }
  let prev = genesisHash(manifest.recordingId);
  for (let seq = 0; seq < manifest.chunkCount; seq++) {
    const bytes = files.get(`chunks/${String(seq).padStart(8, '0')}.phc`);
    if (!bytes) return `chunk ${seq} missing`;
    const hash = sha256(bytes);
    const listed = index.find((entry) => entry?.seq === seq);
    if (listed && listed.hash !== hash) return `chunk ${seq}: hash mismatch`;
    if (bytes.length < CHUNK_HEADER_BYTES || bytes.subarray(0, 4).toString('latin1') !== CHUNK_MAGIC) return `chunk ${seq}: not a recording chunk`;
    if (bytes.readUInt32BE(68) + CHUNK_HEADER_BYTES !== bytes.length) return `chunk ${seq}: length does not match its header`;
    if (bytes.subarray(36, 68).toString('hex') !== prev)
      return seq === 0 ? 'chunk 0: does not start this recording’s chain' : `chain broken between ${seq - 1} and ${seq}`;
    if (bytes.readUInt32BE(8) !== seq) return `chunk ${seq}: holds chunk ${bytes.readUInt32BE(8)} (out of order)`;
    prev = hash;
  }
  const extra = [...files.keys()].filter((name) => /^chunks\/\d+\.phc$/.test(name) && Number(name.slice(7, -4)) >= manifest.chunkCount);
  if (extra.length > 0) return `${extra[0]} is not in the signed manifest (${manifest.chunkCount} chunks)`;
  if ((manifest.chunkCount === 0 ? null : prev) !== manifest.headHash) return `chunk ${manifest.chunkCount - 1}: does not match the signed head hash`;
  return null;
}

/** Verifies a bundle's bytes; returns { ok: true, chunks, keyId } or { ok: false, problem }. */
export async function verifyBundle(bytes, { trustedKeys } = {}) {
  try {
    const files = readTar(bytes);
    const manifestBytes = requireFile(files, 'manifest.json');
    const manifest = parseManifest(manifestBytes.toString('utf8'));
    const signature = Buffer.from(requireFile(files, 'manifest.sig').toString('utf8').trim(), 'base64');
    let publicKey;
    try {
      publicKey = createPublicKey(requireFile(files, 'public-key.pem').toString('utf8'));
    } catch (error) {
      if (error instanceof BundleError) throw error;
      throw new BundleError('public-key.pem is not a public key');
    }
    if (publicKey.asymmetricKeyType !== 'ed25519') return { ok: false, problem: 'public-key.pem is not an Ed25519 key' };
    const keyId = keyIdOf(publicKey);
    if (signature.length !== 64 || !verify(null, manifestBytes, publicKey, signature)) return { ok: false, problem: 'signature invalid' };
    if (manifest.keyId !== keyId) return { ok: false, problem: `signature invalid: the manifest names key ${manifest.keyId}, the bundle holds ${keyId}` };
    if (trustedKeys && !trustedKeys.some((key) => key.export({ type: 'spki', format: 'der' }).equals(publicKey.export({ type: 'spki', format: 'der' })))) {
      return { ok: false, problem: `key not trusted: ${keyId}` };
    }
    const problem = checkChunks(files, manifest);
    return problem ? { ok: false, problem } : { ok: true, chunks: manifest.chunkCount, keyId, manifest };
  } catch (error) {
    if (error instanceof BundleError) return { ok: false, problem: error.message };
    throw error;
  }
}

function parseArgs(argv) {
  const args = { bundle: undefined, key: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--key') args.key = argv[++i];
    else if (argv[i].startsWith('--key=')) args.key = argv[i].slice(6);
    else if (argv[i] === '-h' || argv[i] === '--help') return undefined;
    else if (!args.bundle) args.bundle = argv[i];
    else return undefined;
  }
  return args.bundle && (args.key === undefined || args.key !== '') ? args : undefined;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error('usage: porthole-verify <bundle.tar> [--key <PEM file | PEM text | https://porthole.example/api/v1/recordings/signing-key>]');
    process.exit(2);
  }
  let bytes;
  try {
    bytes = fs.readFileSync(args.bundle);
  } catch (error) {
    console.error(`cannot read ${args.bundle}: ${error.code ?? error.message}`);
    process.exit(2);
  }
  let trustedKeys;
  try {
    trustedKeys = args.key === undefined ? undefined : await loadTrustedKeys(args.key);
  } catch (error) {
    console.error(`--key: ${error.message}`);
    process.exit(2);
  }
  const result = await verifyBundle(bytes, { trustedKeys });
  if (result.ok) {
    console.log(`OK: ${result.chunks} chunks, signed by ${result.keyId}`);
    if (!trustedKeys) console.log("(checked against the key in the bundle; pass --key to check it is your installation's key)");
    return;
  }
  console.log(`FAILED: ${result.problem}`);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1] ?? '')).href) await main();
