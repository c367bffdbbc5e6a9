import type { MaskRule } from '../types';

/** AWS and Google Cloud credentials. */
export const cloudRules: MaskRule[] = [
  {
    id: 'aws-credential-pair',
    name: 'AWS key ID and secret key',
    label: '[MASKED:aws-credentials]',
    strategy: 'label',
    // A credentials CSV or `key id, secret` output: the key ID then the secret, masked together;
    // the secret by its fixed length (a character after it does not hide it), and the key ID
    // by its prefix (a character before it does not either).
    pattern: String.raw`A(?:KIA|SIA)[A-Z0-9]{16}["']?[ \t]{0,8}[,:;|= \t]["']?[ \t]{0,8}[A-Za-z0-9/+]{40}`,
    maxLength: 80,
    enabledByDefault: true,
    description: 'An access key ID directly followed by its 40-character secret.',
  },
  {
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    label: '[MASKED:aws-key]',
    strategy: 'label',
    // Its prefix finds it wherever it is, not a word boundary: a character glued before or after
    // it (`ZAKIA…`, `…EXAMPLEX`, `…EXAMPLE_`) is one anyone can strip. A longer run is masked whole.
    pattern: String.raw`A(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16,60}`,
    maxLength: 64,
    enabledByDefault: true,
    description: 'AKIA…/ASIA… 20-character access key IDs.',
  },
  {
    id: 'aws-secret-access-key',
    name: 'AWS secret access key',
    label: '[MASKED:aws-secret]',
    strategy: 'label',
    // aws_secret_access_key = …, AWS_SECRET_ACCESS_KEY=…, "SecretAccessKey": "…" (matched from "secret")
    pattern: String.raw`secret[ _-]?access[ _-]?key["']?[ \t]{0,8}(?:=>|:=|[:=])[ \t]{0,8}["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    flags: 'i',
    maxLength: 100,
    generic: true,
    enabledByDefault: true,
    description: '40-character secret keys after aws_secret_access_key and its spellings.',
  },
  {
    id: 'google-api-key',
    name: 'Google API key',
    label: '[MASKED:google-api-key]',
    strategy: 'label',
    // Found by its prefix wherever it is (`xAIza…`); a longer run of its characters is masked whole.
    pattern: String.raw`AIza[0-9A-Za-z_-]{35,96}`,
    maxLength: 100,
    enabledByDefault: true,
    description: 'AIza followed by 35 characters.',
  },
];
