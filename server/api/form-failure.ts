import { ZodError } from 'zod';
import { toAppError } from '../errors/to-app-error';

export type FormFailure = { ok: false; message: string; fields?: Record<string, string[]> };

/** The fields a form shows, and form names for zod paths that differ (`credentials.password` → `password`). */
export type FormFields = { shown: readonly string[]; rename?: Record<string, string> };

/**
 * Turns a thrown error into what a form shows: field errors keyed by form field name (the
 * first segment of the zod path unless renamed, so `tags.2` lands on `tags`) and one message.
 * Validation errors that all sit next to a field get a short summary instead of the first
 * field's raw "path: message".
 */
export function formFailure(error: unknown, options: FormFields): FormFailure {
  const appError = toAppError(error);
  if (!appError.fields) return { ok: false, message: appError.userMessage };
  const fields: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(appError.fields)) {
    const name = options.rename?.[path] ?? path.split('.')[0] ?? path;
    (fields[name] ??= []).push(...messages);
  }
  if (!(error instanceof ZodError)) return { ok: false, message: appError.userMessage, fields };
  const unshown = Object.entries(fields).find(([name]) => !options.shown.includes(name));
  return { ok: false, message: unshown?.[1][0] ?? 'Check the highlighted fields.', fields };
}
