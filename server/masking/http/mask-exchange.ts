import { isAscii, isUtf8 } from 'node:buffer';
import { INJECTED_CREDENTIAL } from '@/lib/protocol/http-protocol';
import type { Masker } from '../masker';
import { credentialVariants, isSecretHeader, isSecretKey, maskKeyedValues, MASKED_FIELD, MASKED_HEADER, replaceCredential } from './mask-fields';

/**
 * How one HTTP session masks: `engine` is the session's masking engine (built-in detectors, the
 * admin's rules), `credentials` the forms the injected credential takes (always replaced,
 * whatever the detectors say), `injectedHeader` the header that carries it.
 */
export type HttpMasking = { engine: Masker; credentials: readonly string[]; injectedHeader: string | null };

/**
 * The engine over one text. A complete text ends where it ends (`flush`: a word at its end is
 * not the start of a longer secret); a body cut at the record limit may have been cut inside
 * a secret, so its undecided tail fails closed (`end`).
 */
function engineText(engine: Masker, isCut: boolean): (text: string, bytes?: Buffer) => string {
  // `bytes`, when the caller has them, are `text` in UTF-8 already: a body is not encoded again.
  return (text, bytes) => {
    if (text === '') return text;
    const first = engine.step(engine.initialState, bytes ?? Buffer.from(text, 'utf8'));
    const last = isCut ? engine.end(first.state) : engine.flush(first.state);
    if (first.events.length === 0 && last.events.length === 0) return text;
    return Buffer.concat([first.output, last.output]).toString('utf8');
  };
}

export type HttpMasker = {
  headers(headers: readonly (readonly [string, string])[], options?: { isRequest?: boolean }): [string, string][];
  url(url: string): string;
  /** A body as shown and recorded: `head` is what was kept of it, `size` the whole body's bytes. */
  body(body: { head: Buffer; size: number; isTruncated: boolean; contentType: string }): string;
  text(text: string): string;
};

const TEXT_TYPE = /^text\/|json|xml|javascript|x-www-form-urlencoded|yaml|csv|html|graphql/i;

function isBinary(head: Buffer, contentType: string): boolean {
  if (TEXT_TYPE.test(contentType)) return false;
  if (head.includes(0)) return true;
  // Checked in place, without decoding a copy; a character cut at the end of a truncated body is not an error.
  return !isUtf8(head.subarray(0, head.length - incompleteTail(head)));
}

/** How many bytes at the end begin a UTF-8 character the cut left incomplete (0 if none). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
    // 0xc0, 0xc1 and 0xf5–0xff never start a character (length 0: not a cut one).
    const length = byte >= 0xf5 || byte === 0xc0 || byte === 0xc1 ? 0 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

function maskJsonValue(value: unknown, maskString: (s: string) => string): unknown {
  if (typeof value === 'string') return maskString(value);
  if (Array.isArray(value)) return value.map((item) => maskJsonValue(item, maskString));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, isSecretKey(key) && item !== null ? MASKED_FIELD : maskJsonValue(item, maskString)]),
    );
  }
  return value;
}

function maskForm(text: string, maskString: (s: string) => string): string {
  const params = new URLSearchParams(text);
  const out = new URLSearchParams();
  for (const [key, value] of params) out.append(key, isSecretKey(key) ? MASKED_FIELD : maskString(value));
  return out.toString();
}

/**
 * Masks an HTTP exchange's parts before they are recorded or shown. Headers by name, then
 * every value through the detectors; JSON bodies by key (re-serialized pretty) and every string
 * through the detectors; form bodies and query strings by key; other text through the
 * detectors. The injected credential is replaced wherever it appears, first. Anything that does
 * not parse is masked as text (keyed values by their key too): it fails closed.
 */
export function createHttpMasker({ engine, credentials, injectedHeader }: HttpMasking): HttpMasker {
  const variants = credentialVariants(credentials);
  const whole = engineText(engine, false);
  const cut = engineText(engine, true);
  const text = (value: string) => whole(replaceCredential(value, variants));
  /** Text masked by key and credential first, then by the engine; `bytes` are `value` in UTF-8, used while nothing changed it. */
  const asText = (value: string, isCut = false, bytes?: Buffer) => {
    const keyed = maskKeyedValues(replaceCredential(value, variants));
    return (isCut ? cut : whole)(keyed, keyed === value ? bytes : undefined);
  };
  return {
    text,
    headers(headers, { isRequest = false } = {}) {
      return headers.map(([name, value]): [string, string] => {
        if (isRequest && injectedHeader !== null && name.toLowerCase() === injectedHeader) return [name, INJECTED_CREDENTIAL];
        return [name, isSecretHeader(name) ? MASKED_HEADER : text(value)];
      });
    },
    url(url) {
      const at = url.indexOf('?');
      if (at === -1) return text(url);
      return `${text(url.slice(0, at))}?${maskForm(url.slice(at + 1), text)}`;
    },
    body({ head, size, isTruncated, contentType }) {
      if (size === 0) return '';
      if (isBinary(head, contentType)) return `[binary, ${size} bytes]`;
      // Most bodies are ASCII, which decodes as Latin-1 to the same text at a fraction of the cost.
      const raw = isAscii(head) ? head.toString('latin1') : head.toString('utf8');
      if (isTruncated) return asText(raw, true, head);
      const trimmed = raw.trimStart();
      if (/json/i.test(contentType) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
          return JSON.stringify(maskJsonValue(JSON.parse(replaceCredential(raw, variants)), text), null, 2);
        } catch {
          return asText(raw);
        }
      }
      if (/x-www-form-urlencoded/i.test(contentType)) return maskForm(replaceCredential(raw, variants), text);
      return asText(raw, false, head);
    },
  };
}
