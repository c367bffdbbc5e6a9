import { isSsnValid } from '../checksums';
import type { MaskRule } from '../types';

/** Personal data. */
export const personalRules: MaskRule[] = [
  {
    id: 'us-ssn',
    name: 'US Social Security number',
    label: '[MASKED:ssn]',
    strategy: 'label',
    pattern: String.raw`(?<![0-9])(?<![0-9]-)[0-8][0-9]{2}-[0-9]{2}-[0-9]{4}(?![0-9]|-[0-9])`,
    validate: isSsnValid,
    maxLength: 11,
    enabledByDefault: true,
    description: 'NNN-NN-NNNN with a valid area, group and serial.',
  },
  {
    id: 'email',
    name: 'E-mail address',
    label: '[MASKED:email]',
    strategy: 'label',
    pattern: String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])`,
    maxLength: 700,
    enabledByDefault: false,
    description: 'Off by default: addresses are everywhere in ordinary output (git log).',
  },
];
