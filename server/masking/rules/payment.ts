import { isCardNumberValid, startsWithValidIban } from '../checksums';
import type { MaskRule } from '../types';

/** Stripe keys and checksummed financial numbers. */
export const paymentRules: MaskRule[] = [
  {
    id: 'stripe-key',
    name: 'Stripe key',
    label: '[MASKED:stripe-key]',
    strategy: 'label',
    pattern: String.raw`\b(?:(?:sk|rk)_(?:live|test)|whsec)_[A-Za-z0-9]{16,247}\b`,
    maxLength: 255,
    enabledByDefault: true,
    description: 'sk_live_/rk_live_/sk_test_ secret and restricted keys, whsec_ webhook secrets.',
  },
  {
    id: 'card-number',
    name: 'Payment card number',
    label: '[MASKED:card]',
    strategy: 'keep-last-4',
    // Contiguous, or grouped 4-4-4-x with one kind of separator, or Amex/Diners 4-6-5/4-6-4.
    pattern: String.raw`(?<![0-9A-Za-z_.-])(?:[2-6][0-9]{12,18}|[2-6][0-9]{3}(?: [0-9]{4}){2} [0-9]{1,7}|[2-6][0-9]{3}(?:-[0-9]{4}){2}-[0-9]{1,7}|3[0-9]{3}[ -][0-9]{6}[ -][0-9]{4,5})(?![0-9A-Za-z_-])`,
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
    pattern: String.raw`\b[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)\b`,
    validate: startsWithValidIban,
    maxLength: 43,
    enabledByDefault: true,
    description: 'Country length and mod-97 check digits must be valid.',
  },
];
