'use client';

import dynamic from 'next/dynamic';
import type { ReplayNote } from '@/lib/recording/replay-types';
import type { NoteActions } from '../notes/NotesPanel';

const SqlReplay = dynamic(() => import('./SqlReplay'), { ssr: false, loading: () => <p className="text-sm text-zinc-500">Loading the recording…</p> });

/** The SQL replay for the recording page (client-only: the result grid measures the DOM). */
export function SqlReplayScreen(props: {
  recordingId: string;
  duration: number;
  initialTime?: number;
  highlight?: string;
  initialNotes: ReplayNote[];
  noteActions: NoteActions;
  showNotes?: boolean;
}) {
  return <SqlReplay {...props} />;
}
