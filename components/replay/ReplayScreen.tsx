'use client';

import dynamic from 'next/dynamic';
import type { ReplayNote, ReplayRecording } from '@/lib/recording/replay-types';
import type { NoteActions } from '../notes/NotesPanel';

const ReplayView = dynamic(() => import('./ReplayView'), {
  ssr: false,
  loading: () => (
    <div
      data-testid="replay"
      data-status="loading"
      className="flex h-96 items-center justify-center rounded-lg border border-zinc-800 bg-[#0b0d12] text-sm text-zinc-400"
    >
      Loading the player…
    </div>
  ),
});

export function ReplayScreen(props: {
  recording: ReplayRecording;
  initialNotes: ReplayNote[];
  initialTime: number;
  initialQuery?: string;
  noteActions: NoteActions;
  showNotes?: boolean;
}) {
  return <ReplayView {...props} />;
}
