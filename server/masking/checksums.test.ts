import { describe, expect, it } from 'vitest';
import { isCardNumberValid, isIbanValid, isLuhnValid, isSsnValid } from './checksums';

describe('checksums', () => {
  it('Luhn', () => {
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(true);
    expect(isLuhnValid('4111-1111-1111-1112')).toBe(false);
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('')).toBe(false);
  });

  it('card numbers need a known issuer prefix and length', () => {
    expect(isCardNumberValid('4111111111111111')).toBe(true);
    expect(isCardNumberValid('378282246310005')).toBe(true); // Amex, 15
    expect(isCardNumberValid('5555555555554444')).toBe(true);
    expect(isCardNumberValid('1234567812345670')).toBe(false); // Luhn-valid, no issuer
    expect(isCardNumberValid('37828224631000')).toBe(false);
  });

  it('IBAN mod-97 and country length', () => {
    expect(isIbanValid('DE89370400440532013000')).toBe(true);
    expect(isIbanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isIbanValid('DE88370400440532013000')).toBe(false);
    expect(isIbanValid('DE8937040044053201300')).toBe(false); // one digit short for DE
    expect(isIbanValid('XX89370400440532013000')).toBe(false);
  });

  it('SSN validity rules', () => {
    expect(isSsnValid('123-45-6789')).toBe(true);
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000', '078-05-1120']) {
      expect(isSsnValid(bad), bad).toBe(false);
    }
  });
});
