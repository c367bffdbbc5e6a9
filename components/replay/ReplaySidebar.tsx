'use client';

import { useState } from 'react';
import type { ReplayNote, ReplayRecording } from '@/lib/recording/replay-types';
import { NotesPanel, type NoteActions } from '../notes/NotesPanel';
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
}: {
  recording: ReplayRecording;
  currentCommand: number;
  notes: ReplayNote[];
  currentTime: number;
  noteActions: NoteActions;
  onNotesChange: (notes: ReplayNote[]) => void;
  onSeek: (t: number) => void;
}) {
  const [tab, setTab] = useState<'commands' | 'notes'>('commands');
  const { commands } = recording;
  return (
    <aside className="flex w-full shrink-0 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white lg:w-80 dark:border-zinc-800 dark:bg-zinc-900">
      <div role="tablist" aria-label="Commands and notes" className="flex border-b border-zinc-200 dark:border-zinc-800">
        {(['commands', 'notes'] as const).map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className={`flex-1 px-3 py-2 text-sm font-medium capitalize ${tab === name ? 'border-b-2 border-indigo-600 text-zinc-900 dark:text-zinc-100' : 'text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200'}`}
          >
            {name} <span className="text-xs text-zinc-400">{name === 'commands' ? commands.length : notes.length}</span>
          </button>
        ))}
      </div>
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
