import { asc, desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { annotations, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { formatCount } from '@/lib/format/count';
import { replayHref } from '@/lib/search/search-types';
import { markdownWithoutHtml } from '@/lib/text/markdown-without-html';
import type { Actor } from '../../actor/actor';
import { canViewRecording } from '../find-recording';

/** Enough for years of notes; a file past it says that it stops there. */
export const EXPORT_NOTES_MAX = 10_000;

export type ExportedNote = {
  recordingId: string;
  resourceName: string;
  recordingStartedAt: Date;
  t: number;
  endT: number | null;
  body: string;
  tags: string[];
  createdAt: Date;
};

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const clock = (seconds: number) => {
  const s = Math.floor(seconds);
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return (hms[0] ? hms : hms.slice(1)).map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join(':');
};

/** Text Porthole puts into headings: one line, no markup of its own. */
const plain = (text: string) => text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);

/**
 * One Markdown document: a section per recording (newest session first), its notes in the
 * order of the moments they are about, each with a link back to that moment in the replay.
 */
export function formatNotesMarkdown(
  notes: ExportedNote[],
  { origin, exportedAt, isTruncated = false }: { origin: string; exportedAt: Date; isTruncated?: boolean },
): string {
  const out = [`# My notes`, '', `Exported from Porthole on ${utc(exportedAt)}: ${formatCount(notes.length, 'note')}.`];
  if (isTruncated) out.push('', `Only the first ${formatCount(EXPORT_NOTES_MAX, 'note')} are in this file.`);
  let recordingId: string | null = null;
  for (const note of notes) {
    if (note.recordingId !== recordingId) {
      recordingId = note.recordingId;
      out.push('', `## ${plain(note.resourceName)}, session of ${utc(note.recordingStartedAt)}`);
    }
    const moment = note.endT === null ? clock(note.t) : `${clock(note.t)}–${clock(note.endT)}`;
    out.push('', `### [${moment}](${origin}${replayHref(note.recordingId, note.t)})`, '');
    if (note.tags.length > 0) out.push(`Tags: ${note.tags.map((tag) => `#${plain(tag)}`).join(' ')}`, '');
    out.push(markdownWithoutHtml(note.body.trim()));
  }
  return `${out.join('\n')}\n`;
}

/** Every note the actor wrote on a recording they may still see, as one Markdown file. */
export async function exportMyNotes({ actor, origin, now = new Date() }: { actor: Actor; origin: string; now?: Date }): Promise<string> {
  const rows = await db()
    .select({ annotation: annotations, recording: recordings, resourceName: sessions.resourceName })
    .from(annotations)
    .innerJoin(recordings, eq(recordings.id, annotations.recordingId))
    .innerJoin(sessions, eq(sessions.id, recordings.id))
    .where(eq(annotations.authorId, actor.id))
    .orderBy(desc(recordings.startedAt), asc(recordings.id), asc(annotations.t), asc(annotations.createdAt))
    .limit(EXPORT_NOTES_MAX + 1);
  const notes = rows
    .slice(0, EXPORT_NOTES_MAX)
    .filter((row) => canViewRecording(actor, row.recording))
    .map(({ annotation: a, recording, resourceName }) => ({
      recordingId: recording.id,
      resourceName,
      recordingStartedAt: recording.startedAt,
      t: a.t,
      endT: a.endT,
      body: a.body,
      tags: a.tags,
      createdAt: a.createdAt,
    }));
  return formatNotesMarkdown(notes, { origin, exportedAt: now, isTruncated: rows.length > EXPORT_NOTES_MAX });
}
