import type { CreateResourceInput, UpdateResourceInput } from '@/server/resources/resource-schemas';
import { formText as text } from '@/lib/form-data';
import { KUBERNETES_FIELDS, kubernetesCreateFields, kubernetesUpdateFields, withoutConnection } from './kubernetes-form-data';
import { HTTP_FIELDS, HTTP_FIELD_RENAMES, httpCreateFields, httpUpdateFields } from './http-form-data';

/** Form field names as the forms send them; zod paths like `tls.ca` are renamed to these. */
export const RESOURCE_FIELDS = [
  'type',
  'name',
  'description',
  'tags',
  'host',
  'port',
  'username',
  'password',
  'privateKey',
  'passphrase',
  'database',
  'tls',
  'ca',
  'accessMode',
  'allowedRoles',
  'retentionDays',
  'recording',
  'inputIdleMinutes',
  ...KUBERNETES_FIELDS,
  ...HTTP_FIELDS,
] as const;
export const RESOURCE_FIELD_RENAMES = { 'tls.mode': 'tls', 'tls.ca': 'ca', ...HTTP_FIELD_RENAMES };

type TlsMode = 'disable' | 'require' | 'verify-full';

/** "env=prod, team-a  db" → ["env=prod", "team-a", "db"] */
export function parseTags(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

function common(form: FormData) {
  return {
    name: text(form, 'name'),
    description: text(form, 'description'),
    tags: parseTags(text(form, 'tags')),
    host: text(form, 'host'),
    port: text(form, 'port'),
    username: text(form, 'username'),
    accessMode: text(form, 'accessMode') as CreateResourceInput['accessMode'],
    allowedRoles: form.getAll('allowedRoles').map(String) as CreateResourceInput['allowedRoles'],
    retentionDays: text(form, 'retentionDays') as CreateResourceInput['retentionDays'],
    recording: text(form, 'recording') as CreateResourceInput['recording'],
    inputIdleMinutes: text(form, 'inputIdleMinutes') as CreateResourceInput['inputIdleMinutes'],
  };
}

function tls(form: FormData) {
  const mode = text(form, 'tls') as TlsMode;
  return { mode, ca: mode === 'verify-full' && text(form, 'ca').trim() ? text(form, 'ca') : undefined };
}

/** The create form's fields as createResource input; zod validates every value. */
export function createInputFromForm(form: FormData): CreateResourceInput {
  const type = text(form, 'type');
  if (type === 'ssh') {
    return {
      ...common(form),
      type,
      password: text(form, 'password'),
      privateKey: text(form, 'privateKey'),
      passphrase: text(form, 'passphrase'),
    };
  }
  if (type === 'kubernetes') return { ...withoutConnection(common(form)), type, ...kubernetesCreateFields(form) };
  if (type === 'http') return { ...withoutConnection(common(form)), type, ...httpCreateFields(form) };
  return { ...common(form), type: type as 'postgres' | 'mysql', database: text(form, 'database'), password: text(form, 'password'), tls: tls(form) };
}

/** The edit form's fields as updateResource input: empty credentials keep the stored ones. */
export function updateInputFromForm(form: FormData): UpdateResourceInput {
  if (form.has('apiUrl')) return { ...withoutConnection(common(form)), ...kubernetesUpdateFields(form) };
  if (form.has('baseUrl')) return { ...withoutConnection(common(form)), ...httpUpdateFields(form) };
  const isDatabase = form.has('database');
  return {
    ...common(form),
    password: text(form, 'password') || undefined,
    privateKey: text(form, 'privateKey') || undefined,
    passphrase: text(form, 'passphrase') || undefined,
    database: isDatabase ? text(form, 'database') : undefined,
    tls: isDatabase ? tls(form) : undefined,
  };
}
