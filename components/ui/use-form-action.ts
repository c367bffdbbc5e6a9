'use client';

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { formAlert } from './form-state';

type State = { ok: boolean; message?: string; fields?: Record<string, string[]> };

/** Whether the form shows `name`'s error next to it: a control of that name marked invalid (itself or its fieldset). */
function isShownOnForm(form: HTMLFormElement | null, name: string): boolean {
  if (!form) return false;
  return [...form.querySelectorAll<HTMLElement>('[name]')].some(
    (control) => control.getAttribute('name') === name && control.closest('[aria-invalid="true"]') !== null,
  );
}

/**
 * useActionState for a form that keeps what was typed when the server answers with errors
 * (React resets a form after a plain `action` submit), and moves focus to the first field
 * with an error. `alert` is the one message for above the form: the outcome, or an error no
 * field shows; never a repeat of the errors next to the fields.
 */
export function useFormAction<S extends State>(action: (prev: S | undefined, form: FormData) => Promise<S | undefined>) {
  const [state, formAction, isPending] = useActionState<S | undefined, FormData>(action, undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string | undefined>();

  useEffect(() => {
    // After the commit, the fields that show their errors are marked invalid.
    setAlert(formAlert(state, (name) => isShownOnForm(formRef.current, name)));
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return { state, alert, isPending, formRef, formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true } };
}
