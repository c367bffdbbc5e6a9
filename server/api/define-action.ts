import { revalidatePath } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Role } from '@/db/schema';
import { findUnstorableText } from '@/lib/text/unstorable-text';
import { isUuid } from '@/lib/uuid/is-uuid';
import type { Actor } from '../actor/actor';
import { requirePageActor } from '../auth/require-page-actor';
import { AppError } from '../errors/app-error';
import { toAppError } from '../errors/to-app-error';
import { formFailure, type FormFailure, type FormFields } from './form-failure';
import { unstorableTextError } from './unstorable-text-error';

/** The pieces of an action's argument tuple: a row's id, a submitted form, useActionState's previous state. */
export const actionArg = {
  id: z.string().refine(isUuid),
  form: z.instanceof(FormData),
  previous: z.unknown(),
};

/** Who may call an action: any one of these roles, every signed-in user, or anyone (first-run setup). */
type Callers = readonly Role[] | 'signed-in' | 'public';
/** 'signed-in' asks for no role in particular. */
const rolesOf = (callers: Callers): readonly Role[] => (typeof callers === 'string' ? [] : callers);

type ActorFor<C extends Callers> = C extends 'public' ? null : Actor;

export type ActionSpec<C extends Callers, Args extends unknown[], Input, Result> = {
  roles: C;
  /** The arguments as the browser sends them (a tuple), checked before anything runs. */
  input: z.ZodType<Input, Args>;
  run: (args: { actor: ActorFor<C>; input: Input }) => Promise<Result>;
  /** Pages to re-render once it succeeded. */
  revalidate?: readonly string[] | ((input: Input, result: Result) => readonly string[]);
  /** Once it succeeded (and revalidated), the page to go to instead of answering. */
  redirect?: (input: Input, result: Result) => string;
  /** The form's fields, so that a field's error lands next to it (see formFailure). */
  fields?: FormFields;
};

/**
 * A server action, as `withApi` is a route: the caller is signed in with one of `roles` (else
 * the login page or a 404, as for pages), the arguments pass `input`, and every error comes
 * back as `{ ok: false, message, fields }` in words fit for the user, never a stack trace.
 * Next.js's redirects and 404s pass through.
 */
export function defineAction<const C extends Callers, Args extends unknown[], Input, Result>(
  spec: ActionSpec<C, Args, Input, Result> & { redirect: NonNullable<ActionSpec<C, Args, Input, Result>['redirect']> },
): (...args: Args) => Promise<FormFailure>;
export function defineAction<const C extends Callers, Args extends unknown[], Input, Result>(
  spec: ActionSpec<C, Args, Input, Result>,
): (...args: Args) => Promise<Result | FormFailure>;
export function defineAction<const C extends Callers, Args extends unknown[], Input, Result>(
  spec: ActionSpec<C, Args, Input, Result>,
): (...args: Args) => Promise<Result | FormFailure> {
  return async (...args) => {
    const actor = (spec.roles === 'public' ? null : await requirePageActor(...rolesOf(spec.roles))) as ActorFor<C>;
    let input: Input;
    let result: Result;
    try {
      const field = findUnstorableText(args);
      if (field) throw unstorableTextError(field.replace(/^\[\d+\]\.?/, '') || 'value');
      const parsed = spec.input.safeParse(args);
      // The browser sends what the page put there: a mismatch is a stale page or a forged call.
      if (!parsed.success) throw new AppError('BAD_REQUEST', { userMessage: 'This request is not valid: reload the page and try again.' });
      input = parsed.data;
      result = await spec.run({ actor, input });
    } catch (error) {
      unstable_rethrow(error);
      if (spec.fields) return formFailure(error, spec.fields);
      const appError = toAppError(error);
      return { ok: false, message: appError.userMessage, ...(appError.fields ? { fields: appError.fields } : {}) };
    }
    const paths = typeof spec.revalidate === 'function' ? spec.revalidate(input, result) : (spec.revalidate ?? []);
    for (const path of paths) revalidatePath(path);
    if (spec.redirect) redirect(spec.redirect(input, result));
    return result;
  };
}
