import { decodedTextShare, hasMixedClasses, shannonEntropy } from '../randomness';
import type { MaskRule } from '../types';

const B64 = '[A-Za-z0-9+/]';
/** A line break between body lines: in the terminal, JSON-escaped (once or twice), or indented (YAML `|`). */
const SEP = String.raw`(?:\r?\n|(?:\\{1,3}r)?\\{1,3}n)[ \t]{0,16}`;
/** A full body line: PEM wraps at 64 characters, OpenSSH private keys at 70. */
const FULL = `${B64}{64}(?:${B64}{6})?`;
/** The last body line (shorter, with padding) and a PGP armour checksum (`=uZGe`). */
const LAST = `${B64}{1,69}={0,2}`;
const CHECKSUM = `=${B64}{4}`;
/** After the full lines: the last, shorter one and a checksum. */
const TAIL = `(?:${SEP}${LAST})?(?:${SEP}${CHECKSUM})?`;
/** Any END marker: the rule's validate tells a private key's from a certificate's. */
const END = '-----END[ A-Z0-9]{0,40}-----';
/** Body lines at most (RSA 16384-bit keys have ~200): bounds the streaming hold-back. */
const MAX_LINES = 200;

/** Key names whose long values are public identifiers, hashes or checksums, never secrets. */
const PUBLIC_KEY_NAMES = [
  'sha(?:1|224|256|384|512)?(?:sum)?',
  'md5(?:sum)?',
  'digest',
  'hash',
  'checksum',
  'integrity',
  'commit',
  'etag',
  'uuid',
  'guid',
  'fingerprint',
  'thumbprint',
  'public[_-]?key',
  'pub[_-]?key',
]
  .map(anyCase)
  .join('|');
/**
 * `id`, `client_id`, `requestId`, `x-amz-id-2`: the word id, not `sessionid` (a session secret);
 * `h1:` is go.sum's module hash.
 */
const ID_KEY = String.raw`(?:[^A-Za-z0-9]|^)(?:[Ii][Dd]|h1)|[_.-][Ii][Dd]|[a-z]Id|[_.-][Ii][Dd][_-]?[0-9]{1,2}`;

/** A value's characters, and lookaheads for what isRandomToken requires of them first. */
const VALUE = '[A-Za-z0-9+/_=-]';
const VALUE_NEEDS = ['[A-Z]', '[a-z]', '[0-9]'].map((need) => `(?=${VALUE}{0,511}?${need})`).join('');
/** Between a separator and its value: spaces, JSON escapes and an opening quote. */
const VALUE_GAP = String.raw`[ \t]{0,8}\\{0,3}["']?`;

/** `sha` → `[Ss][Hh][Aa]` (the rule cannot be case-insensitive: `clientId` is an id, `SESSIONID` not). */
function anyCase(pattern: string): string {
  return pattern.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);
}

/** Lines of a body: the part validate measures (END lines and separators left out). */
function bodyLines(block: string): string[] {
  return block
    .split(/\r?\n|(?:\\{1,3}r)?\\{1,3}n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('-----'));
}

/**
 * Thresholds, measured (scripts in the report of issue #12, item 5) on the benign corpus and
 * on 10,000 random strings per length: random base64 of 128+ characters has an entropy of
 * 5.3+ bits per character, base64 of text decodes to printable text.
 */
export function isKeyMaterialBlock(block: string): boolean {
  const end = /-----END[ A-Z0-9]{0,40}-----/.exec(block)?.[0];
  if (end) return /PRIVATE KEY/.test(end);
  const lines = bodyLines(block);
  const full = lines.filter((line) => line.length === 64 || line.length === 70).length;
  if (full < 2) return false;
  const body = lines.join('');
  return hasMixedClasses(body) && shannonEntropy(body) >= 5 && decodedTextShare(body) < 0.9;
}

/**
 * A value that looks random enough to be a key: both letter cases in 15%+ of its characters,
 * digits, and an entropy near that of random strings of its length (0.8 × log2 of the length,
 * up to 64: 3.7 bits at 24 characters, 4.8 from 64 on). Base64 of text is judged by its text:
 * `user_data_base64 = "I2Nsb3Vk…"` (a cloud-config) is not random, a base64'd random password is.
 */
export function isRandomToken(value: string): boolean {
  if (/^(?:sha(?:1|256|384|512)|md5)[-:]/i.test(value)) return false;
  if (!looksRandom(value)) return false;
  if (decodedTextShare(value) < 1) return true;
  return looksRandom(Buffer.from(value, 'base64').toString('utf8'));
}

function looksRandom(text: string): boolean {
  return hasMixedClasses(text, 0.15) && shannonEntropy(text) >= 0.8 * Math.log2(Math.min(text.length, 64));
}

/**
 * Key material and random secrets found by their shape where no format names them: private
 * key bodies printed without their BEGIN line, and long random values of key=value / JSON
 * entries. Both are probabilistic: see each rule's description for what they trade.
 */
export const keyMaterialRules: MaskRule[] = [
  {
    id: 'key-material',
    name: 'Key material (base64 block)',
    label: '[MASKED:key-material]',
    strategy: 'label',
    // Starts where a line or a quoted value starts, after a line break or a carriage return
    // (bash ends bracketed paste with `\e[?2004l\r` before a command's output), or a JSON \n: not at
    // the start of the stream nor after any other character, so that an ordinary word at the end
    // of a frame, or of the stream, is not held back (nor masked at the end). Ends where the last
    // line does. A lone short last line with its END line (`tail -n 2`) is not matched: every
    // short line would have to be held until the next one begins. A full line is followed by a
    // second one or by an END line (what the check needs): the start filter then only stops at
    // runs of 64 to 70 base64 characters that end a line.
    pattern:
      `(?<=(?:[\\r\\n"']|\\\\n)[ \\t]{0,16})${FULL}` +
      `(?:(?:${SEP}${FULL}){1,${MAX_LINES - 1}}${TAIL}(?:${SEP}${END})?|${TAIL}${SEP}${END})(?![A-Za-z0-9+/=])`,
    validate: isKeyMaterialBlock,
    maxLength: 19000,
    enabledByDefault: false,
    description:
      'Private key bodies without their BEGIN line (`tail -n +2 key.pem`, a few lines of one): two or more lines of exactly ' +
      '64 (PEM) or 70 (OpenSSH) random base64 characters, or base64 lines closed by an END … PRIVATE KEY line. ' +
      'Random base64 cannot be told from key material, so `base64 -w 64 /dev/urandom` is masked too; a block closed by ' +
      'END CERTIFICATE / PUBLIC KEY, base64 of text, hex and 76-column base64(1) output are not.',
  },
  {
    id: 'high-entropy-value',
    name: 'Random secret value',
    label: '[MASKED:secret]',
    strategy: 'label',
    // The match is the value alone, a run of 24 to 512 characters holding a capital, a small
    // letter and a digit (what the check needs first): the start filter looks for such runs
    // (rare in ordinary output, where `:` and `=` are not). The separator and the key name before
    // it are read by lookbehinds.
    pattern:
      String.raw`(?<=[:=][=>]?${VALUE_GAP})(?<!(?:${PUBLIC_KEY_NAMES}|${ID_KEY})\\{0,3}["']?[ \t]{0,8}[:=][=>]?${VALUE_GAP})` +
      `${VALUE_NEEDS}${VALUE}{24,512}(?!${VALUE}|[.:@~%][A-Za-z0-9])`,
    validate: isRandomToken,
    generic: true,
    maxLength: 512,
    // Off by default: on, the mixed benign corpus costs 178 M instructions per MiB instead of 137
    // (scripts/bench/masking-instructions.sh). Safe to turn on: a tail cut by the stream's end is
    // masked only if it already looks random (tail-candidates.ts).
    enabledByDefault: false,
    description:
      'Values of 24+ characters in key=value, key: value and JSON entries that look random (upper and lower case and ' +
      'digits, high entropy, no word-like runs), unless the key names a public hash or id (sha, digest, hash, integrity, ' +
      'commit, id, uuid, etag, fingerprint …). Hex and UUID values are never masked by this rule alone; short random ' +
      'values (< 24) are left to the password/secret/token rule.',
  },
];
