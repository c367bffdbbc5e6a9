'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';

type State = { ok: boolean; message?: string; fields?: Record<string, string[]> };

/**
 * useActionState for a form that keeps what was typed when the server answers with errors
 * (React resets a form after a plain `action` submit), and moves focus to the first field
 * with an error.
 */
export function useFormAction<S extends State>(action: (prev: S | undefined, form: FormData) => Promise<S | undefined>) {
  const [state, formAction, isPending] = useActionState<S | undefined, FormData>(action, undefined);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return { state, isPending, formRef, formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true } };
}
