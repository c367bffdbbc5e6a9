import { z } from 'zod';
import { numberField } from '@/lib/number-field';

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40, 'Tags are at most 40 characters')
  .regex(/^[\p{L}\p{N}_.:/-]+$/u, 'Tags are letters, digits and _ . : / -');

/** Tags as a list, or as one comma- or space-separated string (a form field). */
export const tagList = z
  .union([z.array(z.string()), z.string().transform((s) => s.split(/[,\s]+/))])
  .transform((tags) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(tag).max(10, 'At most 10 tags'));

const seconds = numberField((n) => n.min(0).max(31 * 86_400));

export const annotationInput = z
  .object({
    t: seconds,
    /** Set for a note over a range. */
    endT: seconds.nullable().optional(),
    body: z.string().trim().min(1, 'Write something').max(10_000, 'At most 10,000 characters'),
    tags: tagList.default([]),
    isShared: z.boolean().default(false),
  })
  .refine((a) => a.endT === undefined || a.endT === null || a.endT > a.t, { message: 'The end must be after the start', path: ['endT'] });
export type AnnotationInput = z.input<typeof annotationInput>;

export const annotationUpdate = z
  .object({
    t: seconds.optional(),
    endT: seconds.nullable().optional(),
    body: z.string().trim().min(1, 'Write something').max(10_000).optional(),
    tags: tagList.optional(),
    isShared: z.boolean().optional(),
  })
  .refine((a) => a.endT === undefined || a.endT === null || a.t === undefined || a.endT > a.t, { message: 'The end must be after the start', path: ['endT'] });
export type AnnotationUpdate = z.input<typeof annotationUpdate>;

export const annotationView = z.object({
  id: z.uuid(),
  recordingId: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  t: z.number(),
  endT: z.number().nullable(),
  body: z.string(),
  tags: z.array(z.string()),
  isShared: z.boolean(),
  isMine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AnnotationView = z.infer<typeof annotationView>;

export const myNoteView = annotationView.extend({ resourceName: z.string(), recordingStartedAt: z.string() });
export type MyNoteView = z.infer<typeof myNoteView>;

export const MY_NOTES_QUERY_MAX = 200;

export const myNotesQuery = z.object({
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .max(40)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** A substring of the note's text or of one of its tags. */
  q: z
    .string()
    .trim()
    .max(MY_NOTES_QUERY_MAX, `Search for at most ${MY_NOTES_QUERY_MAX} characters`)
    .optional()
    .transform((q) => q || undefined),
  /** 1-based: page 2 holds the `limit` notes after the newest `limit`. */
  page: numberField((n) => n.int().min(1).max(10_000)).default(1),
  limit: numberField((n) => n.int().min(1).max(100)).default(25),
});
