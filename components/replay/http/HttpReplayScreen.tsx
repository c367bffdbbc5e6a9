'use client';

import dynamic from 'next/dynamic';
import type { ReplayNote } from '@/lib/recording/replay-types';
import type { NoteActions } from '../../notes/NotesPanel';

const HttpReplay = dynamic(() => import('./HttpReplay'), { ssr: false, loading: () => <p className="text-sm text-zinc-500">Loading the recording…</p> });

/** The HTTP replay for the recording page (client-only, like the SQL one). */
export function HttpReplayScreen(props: {
  recordingId: string;
  duration: number;
  initialTime?: number;
  highlight?: string;
  initialNotes: ReplayNote[];
  noteActions: NoteActions;
  showNotes?: boolean;
}) {
  return <HttpReplay {...props} />;
}
