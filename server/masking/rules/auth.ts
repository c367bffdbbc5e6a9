import type { MaskRule } from '../types';

/** Credentials in HTTP headers, JWTs and URLs. */
export const authRules: MaskRule[] = [
  {
    id: 'authorization-header',
    name: 'Authorization header',
    label: '[MASKED:auth-token]',
    strategy: 'label',
    pattern: String.raw`authorization\\?["']?[ \t]{0,8}[:=][ \t]{0,8}\\?["']?(?:(?:bearer|basic|token|bot)[ \t]{1,8})?(?<secret>[A-Za-z0-9._~+/=-]{8,4096})`,
    flags: 'i',
    maxLength: 4150,
    generic: true,
    enabledByDefault: true,
    description: 'The credential in Authorization: Bearer/Basic/Token … headers.',
  },
  {
    id: 'jwt',
    name: 'JSON Web Token',
    label: '[MASKED:jwt]',
    strategy: 'label',
    // Found by its prefix wherever it is (`xeyJ…`): a glued character is one anyone can strip.
    pattern: String.raw`eyJ[A-Za-z0-9_-]{8,2048}\.[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,2048}`,
    maxLength: 12300,
    enabledByDefault: true,
    description: 'Three base64url parts, the header starting eyJ.',
  },
  {
    id: 'url-credentials',
    name: 'Password in URL',
    label: '[MASKED:password]',
    strategy: 'label',
    // scheme://user:password@host: the match starts at "://" (cheap to find), masks the password.
    pattern: String.raw`://[^ \t\r\n:/@?#"'<>]{0,128}:(?<secret>[^ \t\r\n/@?#"'<>]{1,256})@(?=[A-Za-z0-9\[_-])`,
    maxLength: 400,
    generic: true,
    enabledByDefault: true,
    description: 'The password part of scheme://user:password@host.',
  },
];
