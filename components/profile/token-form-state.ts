/** The create-token form's state: on success, the new secret, shown once. */
export type TokenFormState = { ok: boolean; message?: string; fields?: Record<string, string[]>; token?: string } | undefined;
