/** Header names whose value is a secret whatever it looks like. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-auth-token', 'x-csrf-token']);
const SECRET_HEADER_PART = /token|secret|password|passwd|key|auth|session|credential/i;
/** JSON keys, form fields and query parameters whose value is a secret. */
const SECRET_KEY = /password|passwd|token|secret|authorization|api[_-]?key|private[_-]?key|credential/i;

export const MASKED_HEADER = '[MASKED:header]';
export const MASKED_FIELD = '[MASKED:field]';
export const MASKED_CREDENTIAL = '[MASKED:credential]';

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  // `keep-alive` and `key`-less names pass; `x-api-key`, `x-session-id`, `x-vault-token` do not.
  return SECRET_HEADERS.has(lower) || (SECRET_HEADER_PART.test(lower) && lower !== 'keep-alive');
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * Every form the injected credential could come back in: as it is, URL-encoded, JSON-escaped
 * and base64-encoded (an upstream echoing a basic-auth header decoded or not). Longest first,
 * so a longer form is replaced before a shorter one inside it.
 */
export function credentialVariants(forms: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const form of forms) {
    if (form.length < 4) continue;
    variants.add(form);
    variants.add(encodeURIComponent(form));
    variants.add(JSON.stringify(form).slice(1, -1));
    variants.add(Buffer.from(form, 'utf8').toString('base64'));
    variants.add(Buffer.from(form, 'utf8').toString('base64').replace(/=+$/, ''));
  }
  return [...variants].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
}

/** Replaces every variant of the credential, wherever it appears. */
export function replaceCredential(text: string, variants: readonly string[]): string {
  let out = text;
  for (const variant of variants) if (out.includes(variant)) out = out.split(variant).join(MASKED_CREDENTIAL);
  return out;
}

/**
 * `"password": "…"`, `token=…` in a text that could not be parsed (a truncated JSON body): the
 * value masked by its key. Bounded, and tried only where a key starts: a megabyte of word
 * characters must not make it backtrack quadratically.
 */
const KEYED_VALUE =
  /("?)(?<![\w.-])([\w.-]{0,40}(?:password|passwd|token|secret|authorization|api[_-]?key|private[_-]?key|credential)[\w.-]{0,40})\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*"?|[^\s,&;}\]]+)/gi;

/** The key words alone: a text without any cannot hold a keyed value, and this search is far cheaper than KEYED_VALUE's. */
const SECRET_KEY_WORD = /password|passwd|token|secret|authorization|api[_-]?key|private[_-]?key|credential/i;

export function maskKeyedValues(text: string): string {
  if (!SECRET_KEY_WORD.test(text)) return text;
  return text.replace(KEYED_VALUE, (_match, quote: string, key: string, sep: string, value: string) => {
    const replacement = value.startsWith('"') ? `"${MASKED_FIELD}"` : MASKED_FIELD;
    return `${quote}${key}${quote}${sep}${replacement}`;
  });
}
