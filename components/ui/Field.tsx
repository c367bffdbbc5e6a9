import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

export const inputClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500';

type FieldProps = { label: string; error?: string[] | string; hint?: ReactNode };

/** A labelled input with its error message underneath (linked by aria-describedby). */
function FieldShell({ id, label, error, hint, children }: FieldProps & { id: string; children: ReactNode }) {
  const message = Array.isArray(error) ? error[0] : error;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children}
      {hint && !message ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
      {message ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, error, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const invalid = Boolean(Array.isArray(error) ? error.length : error);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <input id={id} className={inputClass} aria-invalid={invalid} aria-describedby={invalid ? `${id}-error` : undefined} {...props} />
    </FieldShell>
  );
}

export function TextAreaField({ label, error, hint, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const invalid = Boolean(Array.isArray(error) ? error.length : error);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        className={`${inputClass} font-mono text-xs`}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        {...props}
      />
    </FieldShell>
  );
}

export function SelectField({ label, error, hint, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const invalid = Boolean(Array.isArray(error) ? error.length : error);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <select id={id} className={inputClass} aria-invalid={invalid} aria-describedby={invalid ? `${id}-error` : undefined} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}
