import { isCardNumberValid, startsWithValidIban } from '../checksums';
import type { MaskRule } from '../types';

/** Stripe keys and checksummed financial numbers. */
export const paymentRules: MaskRule[] = [
  {
    id: 'stripe-key',
    name: 'Stripe key',
    label: '[MASKED:stripe-key]',
    strategy: 'label',
    // Found by its prefix wherever it is (`xsk_live_…`): a glued character is one anyone can strip.
    pattern: String.raw`(?:(?:sk|rk)_(?:live|test)|whsec)_[A-Za-z0-9]{16,247}`,
    maxLength: 255,
    enabledByDefault: true,
    description: 'sk_live_/rk_live_/sk_test_ secret and restricted keys, whsec_ webhook secrets.',
  },
  {
    id: 'card-number',
    name: 'Payment card number',
    label: '[MASKED:card]',
    strategy: 'keep-last-4',
    // Contiguous, or grouped 4-4-4-x with one kind of separator (space, dash, dot), or
    // Amex/Diners 4-6-5/4-6-4. Letters around it do not hide it (`id4111…`, `…1111x`); a digit
    // does, and so does a decimal point or dash between digits (`0.4111…`, a longer number).
    // (Two lookbehinds: the one-byte one lets the start filter skip most positions.)
    pattern: String.raw`(?<![0-9])(?<![0-9][.-])(?:[2-6][0-9]{12,18}|[2-6][0-9]{3}(?: [0-9]{4}){2} [0-9]{1,7}|[2-6][0-9]{3}(?:-[0-9]{4}){2}-[0-9]{1,7}|[2-6][0-9]{3}(?:\.[0-9]{4}){2}\.[0-9]{1,7}|3[0-9]{3}[ .-][0-9]{6}[ .-][0-9]{4,5})(?![0-9]|[.-][0-9])`,
    validate: isCardNumberValid,
    maxLength: 23,
    enabledByDefault: true,
    description: '13–19 digits with a known issuer prefix, Luhn-valid only.',
  },
  {
    id: 'iban',
    name: 'IBAN',
    label: '[MASKED:iban]',
    strategy: 'label',
    pattern: String.raw`(?<![A-Za-z0-9_])[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Z0-9])`,
    validate: startsWithValidIban,
    maxLength: 43,
    enabledByDefault: true,
    description: 'Country length and mod-97 check digits must be valid.',
  },
];
