/**
 * What keeps secrets out of log lines, in two layers: values under secret-sounding keys are
 * replaced before a line is serialized (any depth), and the finished line is scrubbed for
 * secrets that hide inside free text (an error message quoting a connection string, a header
 * echoed by a library).
 */
export const REDACTED = '[redacted]';

const SECRET_KEY = /pass(word|phrase)?$|passwd|secret|token|authorization|cookie|credential|private_?key|api_?key|database_?url|ticket/i;

/** Keys that end in a secret-sounding word but hold none (counts, ids of non-secrets). */
const HARMLESS_KEY = /^(token_?id|token_?prefix|prefix|tokens?_?count)$/i;

const MAX_DEPTH = 6;

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (value instanceof Error || Buffer.isBuffer(value) || value instanceof Date) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && !HARMLESS_KEY.test(key) && item !== undefined && item !== null ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return out;
}

/** A copy of a log object with every value under a secret-sounding key replaced. */
export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return redactValue(object, 0, new WeakSet()) as Record<string, unknown>;
}

const TEXT_RULES: [RegExp, string][] = [
  // scheme://user:password@host: keep the user and host, drop the password.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@/"]+@/gi, `$1${REDACTED}@`],
  [/\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${REDACTED}`],
  // Porthole API tokens, wherever they appear.
  [/\bpht_[A-Za-z0-9_-]{8,}/g, `pht_${REDACTED}`],
  // password=…, secret: …, token=… in free text (query strings, DSNs, messages).
  [/\b(pass(?:word)?|pwd|secret|token|ticket|api_?key)(\\?["']?\s*[:=]\s*\\?["']?)[^\s&;,"'\\]+/gi, `$1$2${REDACTED}`],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, REDACTED],
];

/** The serialized line with secrets in free text replaced. */
export function scrubSecrets(line: string): string {
  let out = line;
  for (const [pattern, replacement] of TEXT_RULES) out = out.replace(pattern, replacement);
  return out;
}
