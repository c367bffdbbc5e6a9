/** What a server action returns to its form: a message and per-field errors. */
export type FormState = { ok: boolean; message?: string; fields?: Record<string, string[]> } | undefined;
