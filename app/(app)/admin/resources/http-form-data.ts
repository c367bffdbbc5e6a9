import { formText as text } from '@/lib/form-data';

/** The HTTP API form's own fields, so the server's errors on them show beside them. */
export const HTTP_FIELDS = ['baseUrl', 'authKind', 'authUsername', 'authHeader', 'credential'] as const;
/** zod paths of the HTTP input, renamed to the form's field names. */
export const HTTP_FIELD_RENAMES = { 'auth.kind': 'authKind', 'auth.username': 'authUsername', 'auth.name': 'authHeader' };

type AuthKind = 'bearer' | 'basic' | 'header' | 'none';

function auth(form: FormData) {
  const kind = text(form, 'authKind') as AuthKind;
  if (kind === 'basic') return { kind, username: text(form, 'authUsername') };
  if (kind === 'header') return { kind, name: text(form, 'authHeader') };
  return { kind };
}

/** A plain-HTTP base URL has no certificate to check; an HTTPS one is verified unless the admin said not to. */
function tls(form: FormData) {
  if (text(form, 'baseUrl').trim().toLowerCase().startsWith('http:')) return { mode: 'disable' as const };
  const mode = text(form, 'tls') === 'require' ? ('require' as const) : ('verify-full' as const);
  return { mode, ca: mode === 'verify-full' && text(form, 'ca').trim() ? text(form, 'ca') : undefined };
}

/** The API, its TLS and the credential as the create input wants them; zod validates every value. */
export function httpCreateFields(form: FormData) {
  return { baseUrl: text(form, 'baseUrl'), tls: tls(form), auth: auth(form), credential: text(form, 'credential') };
}

/** The same for an edit: an empty credential keeps the stored one. */
export function httpUpdateFields(form: FormData) {
  return { ...httpCreateFields(form), credential: text(form, 'credential') || undefined };
}
