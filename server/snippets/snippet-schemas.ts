import { z } from 'zod';
import { SNIPPET_KINDS } from '@/db/snippet-schema';
import { numberField } from '@/lib/number-field';

export const SNIPPET_TITLE_MAX = 200;
export const SNIPPET_BODY_MAX = 20_000;
export const SNIPPET_NOTES_MAX = 10_000;
export const SNIPPET_QUERY_MAX = 200;

const title = z.string().trim().min(1, 'Give it a title').max(SNIPPET_TITLE_MAX, `At most ${SNIPPET_TITLE_MAX} characters`);
/** Kept as typed (leading spaces and line breaks matter in a statement); only blank is refused. */
const body = z
  .string()
  .max(SNIPPET_BODY_MAX, `At most ${SNIPPET_BODY_MAX.toLocaleString('en-US')} characters`)
  .refine((s) => s.trim() !== '', 'The command or statement is empty');
const notes = z
  .string()
  .trim()
  .max(SNIPPET_NOTES_MAX, `At most ${SNIPPET_NOTES_MAX.toLocaleString('en-US')} characters`);
const optionalId = z.uuid('Not a valid id').nullable().optional();

export const snippetInput = z.object({
  title,
  body,
  kind: z.enum(SNIPPET_KINDS),
  notes: notes.default(''),
  /** Where it can be run again; taken from the recording when only that is given. */
  resourceId: optionalId,
  /** The replay it was saved from, and the moment in it. */
  recordingId: optionalId,
  t: numberField((n) => n.min(0).max(31 * 86_400))
    .nullable()
    .optional(),
});
export type SnippetInput = z.input<typeof snippetInput>;

export const snippetUpdate = z.object({ title: title.optional(), body: body.optional(), notes: notes.optional() });
export type SnippetUpdate = z.input<typeof snippetUpdate>;

export const snippetQuery = z.object({
  q: z
    .string()
    .trim()
    .max(SNIPPET_QUERY_MAX, `Search for at most ${SNIPPET_QUERY_MAX} characters`)
    .optional()
    .transform((q) => q || undefined),
  page: numberField((n) => n.int().min(1).max(10_000)).default(1),
  limit: numberField((n) => n.int().min(1).max(100)).default(25),
});
export type SnippetQuery = z.input<typeof snippetQuery>;
