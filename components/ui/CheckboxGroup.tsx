import { useId, type ReactNode } from 'react';

export type CheckboxOption = { value: string; label: string; description?: string };

/** A fieldset of checkboxes sharing one name; each box is named by its own label. */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValues = [],
  hint,
  error,
  isInline = false,
}: {
  legend: string;
  name: string;
  options: readonly CheckboxOption[];
  defaultValues?: readonly string[];
  hint?: ReactNode;
  error?: string[];
  isInline?: boolean;
}) {
  const id = useId();
  const message = error?.[0];
  return (
    <fieldset aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined} aria-invalid={message ? true : undefined}>
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      <div className={isInline ? 'mt-2 flex flex-wrap gap-x-5 gap-y-1.5' : 'mt-2 space-y-1.5'}>
        {options.map((option) => (
          <div key={option.value} className="flex items-start gap-2">
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
              aria-describedby={option.description ? `${id}-${option.value}-desc` : undefined}
              className="mt-0.5 h-4 w-4 shrink-0 rounded border-zinc-300 accent-indigo-600 dark:border-zinc-600 dark:accent-indigo-500"
            />
            <div className="text-sm leading-tight">
              <label htmlFor={`${id}-${option.value}`} className="font-medium">
                {option.label}
              </label>
              {option.description ? (
                <p id={`${id}-${option.value}-desc`} className="text-xs text-zinc-500 dark:text-zinc-400">
                  {option.description}
                </p>
              ) : null}
            </div>
          </div>
        ))}
      </div>
      {message ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
