/** What a server action returns to its form: a message and per-field errors. */
export type FormState = { ok: boolean; message?: string; fields?: Record<string, string[]> } | undefined;

/**
 * The message to show above a form, or none. A field error is shown next to its field, so
 * when every one of them is (`isShown`), the summary would only repeat them; when one has no
 * field on this form, its own message is the one to show.
 */
export function formAlert(state: FormState, isShown: (field: string) => boolean): string | undefined {
  if (!state) return undefined;
  if (state.ok) return state.message;
  const unshown = Object.entries(state.fields ?? {}).filter(([name, messages]) => messages.length > 0 && !isShown(name));
  if (unshown.length > 0) return unshown[0]![1][0];
  return Object.keys(state.fields ?? {}).length > 0 ? undefined : state.message;
}
