import type { MaskRule } from '../types';

/** Values that sit where a secret would but are not one. */
const PLACEHOLDER = /^(?:null|nil|none|true|false|undefined|changeme|redacted|hidden|\*+|x+|\.+|<.*|\(.*|\[.*|\{\{.*|\$\{?[A-Za-z_].*|%s|\?+|\/.*|~\/.*)$/i;

export function isLikelySecretValue(value: string): boolean {
  return !PLACEHOLDER.test(value);
}

/**
 * password=…, "password": "…", PASSWORD: …, env files and YAML, with secret/token/api_key and
 * similar keys. The key is matched from its keyword (DB_PASSWORD matches at PASSWORD), a
 * quoted value may contain spaces, an unquoted one ends at whitespace, quote, `&`, `,` or `;`.
 */
export const assignmentRules: MaskRule[] = [
  {
    id: 'password-assignment',
    name: 'Password or secret assignment',
    label: '[MASKED:password]',
    strategy: 'label',
    pattern:
      // Keywords factored by first letter: the regex engine rejects most positions faster.
      String.raw`(?:p(?:ass(?:w(?:or)?d|phrase)|wd|rivate[_-]?key)|secret|token|a(?:pi|uth)[_-]?key)` +
      // Quotes may be escaped (JSON inside a JSON string: \"password\": \"…\").
      String.raw`(?:[_-]?(?:access[_-]?)?key)?\\?["']?[ \t]{0,8}(?:=>|:=|[:=])[ \t]{0,8}\\?["']?` +
      // A PEM block as the value is left to the private-key rule, which masks it whole.
      String.raw`(?!-----)(?<secret>` +
      // A quoted value is closed by a quote and starts with no blank: `read -p "Password: " pw; …`
      // has a prompt string there, whose closing quote opens nothing (the command line is kept).
      String.raw`(?<=["'])(?![ \t])(?:[^"'\\\r\n]|\\[^"'\r\n]){1,256}(?=\\?["'])` +
      // A quote never closed (the line ends first): its first word, as an unquoted value.
      String.raw`|(?<=["'])[^ \t\r\n"'&,;\\]{3,256}` +
      String.raw`|(?<!["'])[^ \t\r\n"'&,;\\]{3,256})`,
    flags: 'i',
    validate: isLikelySecretValue,
    generic: true,
    maxLength: 600,
    enabledByDefault: true,
    description: 'The value of password/passwd/secret/token/api_key/… assignments.',
  },
];
