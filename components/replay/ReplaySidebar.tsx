'use client';

import { useState } from 'react';
import type { ReplayNote, ReplayRecording } from '@/lib/recording/replay-types';
import { NotesPanel, type NoteActions } from '../notes/NotesPanel';
import { CountTabs } from '../ui/CountTabs';
import { CommandList } from './CommandList';

/** The Commands and Notes tabs beside the replay. */
export function ReplaySidebar({
  recording,
  currentCommand,
  notes,
  currentTime,
  noteActions,
  onNotesChange,
  onSeek,
  showNotes = false,
}: {
  recording: ReplayRecording;
  currentCommand: number;
  notes: ReplayNote[];
  currentTime: number;
  noteActions: NoteActions;
  onNotesChange: (notes: ReplayNote[]) => void;
  onSeek: (t: number) => void;
  /** Open on the Notes tab. */
  showNotes?: boolean;
}) {
  const [tab, setTab] = useState<'commands' | 'notes'>(showNotes ? 'notes' : 'commands');
  const { commands } = recording;
  return (
    <aside className="flex w-full shrink-0 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white lg:w-80 dark:border-zinc-800 dark:bg-zinc-900">
      <CountTabs
        label="Commands and notes"
        tabs={[
          { name: 'commands', count: commands.length },
          { name: 'notes', count: notes.length },
        ]}
        selected={tab}
        onSelect={setTab}
      />
      <div role="tabpanel" aria-label={tab === 'commands' ? 'Commands' : 'Notes'} className="max-h-[60vh] min-h-48 overflow-y-auto">
        {tab === 'commands' ? (
          <CommandList commands={commands} current={currentCommand} indexState={recording.indexState} onSeek={onSeek} recordingId={recording.id} />
        ) : (
          <NotesPanel notes={notes} currentTime={currentTime} actions={noteActions} onNotesChange={onNotesChange} onSeek={onSeek} />
        )}
      </div>
    </aside>
  );
}
