import type { MaskRule } from '../types';

/** PEM and PGP private key blocks, masked whole. */
export const pemRules: MaskRule[] = [
  {
    id: 'private-key',
    name: 'Private key block',
    label: '[MASKED:private-key]',
    strategy: 'label',
    pattern: String.raw`-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----`,
    block: {
      end: String.raw`-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----`,
      // Base64, armour headers (Proc-Type: 4,ENCRYPTED), JSON "\n" escapes, YAML indentation.
      body: String.raw`[A-Za-z0-9+/= \t\r\n:,.\\_()@<>'"-]`,
    },
    maxLength: 16384,
    enabledByDefault: true,
    description: 'BEGIN … PRIVATE KEY to END … PRIVATE KEY, multi-line, the whole block.',
  },
];
