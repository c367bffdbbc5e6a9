/** What a server action returns to its form: a message and per-field errors. */
export type FormState = { ok: boolean; message?: string; fields?: Record<string, string[]> } | undefined;

/** Summaries that only point at the fields (formFailure's and toAppError's fallbacks). */
const POINTERS = new Set(['check the highlighted fields', 'some fields are not valid']);

const key = (text: string) =>
  text
    .trim()
    .replace(/[.!]+$/, '')
    .toLowerCase();

/**
 * The message to show above a form, or none. A field error is shown next to its field, so a
 * summary that repeats one of them, whole or inside a longer sentence (or only points at
 * them), is left out; a message that says more ("A user with this e-mail already exists."
 * over "Already in use") stays. When an error
 * has no field on this form (`isShown`), its own message is the one to show.
 */
export function formAlert(state: FormState, isShown: (field: string) => boolean): string | undefined {
  if (!state) return undefined;
  if (state.ok) return state.message;
  const fields = Object.entries(state.fields ?? {}).filter(([, messages]) => messages.length > 0);
  const unshown = fields.find(([name]) => !isShown(name));
  if (unshown) return unshown[1][0];
  if (!state.message) return undefined;
  const shownMessages = fields.flatMap(([, messages]) => messages.map(key));
  const message = key(state.message);
  // "Invalid masking rule pattern: it can match the empty string" repeats its field's message too.
  const repeats = shownMessages.some((shown) => shown !== '' && message.includes(shown));
  return fields.length > 0 && (POINTERS.has(message) || repeats) ? undefined : state.message;
}
