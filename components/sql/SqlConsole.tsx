'use client';

import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { splitStatements } from '@/lib/sql/split-statements';
import { LiveNotices } from '../console/LiveNotices';
import { useConfirmLeave } from '../console/use-confirm-leave';
import { useIsDark } from '../console/use-is-dark';
import type { SessionEnding } from '../terminal/session-ending';
import { NotRecordedNotice } from '../resources/NotRecordedNotice';
import { EndBanner } from './EndBanner';
import { HistoryPanel } from './HistoryPanel';
import { ResultPanel } from './ResultPanel';
import { readSqlDraft, useSqlDraftSaver } from './sql-draft';
import { SqlEditor, type SqlEditorHandle } from './SqlEditor';
import { SqlStatusBar } from './SqlStatusBar';
import { useSqlConsole, type SqlConsoleApi } from './use-sql-console';

export type SqlConsoleProps = {
  sessionId: string;
  resource: { id: string | null; name: string; address?: string; dialect: 'postgres' | 'mysql'; canConnect: boolean };
  initialEnding?: SessionEnding;
  /** A saved snippet (`?snippet=`): in the editor instead of the starter text, not run. */
  snippet?: { title: string; body: string };
  /** False on a resource with recording off: said before connecting, and no recording link. */
  isRecorded?: boolean;
  /** Where this tab keeps the editor's draft (see sql-draft.ts): the user and the resource. */
  draftKey?: string;
};

const STARTER: Record<'postgres' | 'mysql', string> = {
  postgres: '-- Ctrl+Enter runs the statement under the cursor; Ctrl+Shift+Enter runs everything.\nSELECT * FROM information_schema.tables LIMIT 20;\n',
  mysql: '-- Ctrl+Enter runs the statement under the cursor; Ctrl+Shift+Enter runs everything.\nSHOW TABLES;\n',
};

/**
 * The editor's first text and where its changes go: an offered snippet comes first, else this
 * tab's draft for the resource, else the starter text. A change is kept in the draft and told to
 * the gateway (`noteEditing`): writing a statement is not being idle.
 */
function useEditorDraft(snippet: SqlConsoleProps['snippet'], draftKey: string | undefined, dialect: 'postgres' | 'mysql', noteEditing: () => void) {
  const [initialValue] = useState(() => {
    if (snippet) return `-- ${snippet.title.replace(/\s+/g, ' ')}\n${snippet.body}\n`;
    return (draftKey ? readSqlDraft(draftKey) : null) ?? STARTER[dialect];
  });
  const save = useSqlDraftSaver(draftKey);
  const onChange = useCallback(
    (value: string) => {
      save(value);
      noteEditing();
    },
    [save, noteEditing],
  );
  return { initialValue, onChange };
}

/** The SQL console tab: editor on top, results below (resizable split), history on the side. */
export default function SqlConsole({ sessionId, resource, initialEnding, snippet, isRecorded = true, draftKey }: SqlConsoleProps) {
  const api = useSqlConsole(sessionId, initialEnding);
  const draft = useEditorDraft(snippet, draftKey, resource.dialect, api.noteEditing);
  const editorRef = useRef<SqlEditorHandle>(null);
  const [selectedRun, setSelectedRun] = useState<string>();
  const [split, startDrag] = useSplitDrag(0.42);
  const [isHistoryOpen, setHistoryOpen] = useState(true);
  const isDark = useIsDark();
  const dialect = api.info?.dialect ?? resource.dialect;
  const isConnected = api.status === 'connected';
  const run = api.runs.find((r) => r.id === selectedRun) ?? api.runs[api.runs.length - 1];
  const isBusy = api.runs.some((r) => r.status === 'running');
  useConfirmLeave(isConnected);

  const start = useCallback(
    (mode: 'current' | 'all') => {
      const editor = editorRef.current;
      if (!editor || !isConnected) return;
      editor.clearErrors();
      const text = editor.getValue();
      const target = mode === 'all' ? { script: text, offset: 0 } : editor.currentTarget();
      if (!target || splitStatements(target.script, dialect).length === 0) return;
      const id = api.run(target.script, text, target.offset);
      if (id) setSelectedRun(id);
    },
    [api, dialect, isConnected],
  );

  useErrorMarks(api, editorRef);

  return (
    <div className="flex h-dvh flex-col bg-white dark:bg-zinc-950" data-status={api.status}>
      <SqlStatusBar resource={resource} state={api} isRecorded={isRecorded} onDisconnect={api.disconnect} />
      {!isRecorded && !api.ending ? <NotRecordedNotice /> : null}
      <LiveNotices isConnected={isConnected} watchers={api.watchers} idle={api.idle} what="run or typed" />
      <div className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col">
          <ConsoleToolbar
            isConnected={isConnected}
            onRun={start}
            onCancel={isBusy && run ? () => api.cancel(run.id) : undefined}
            isHistoryOpen={isHistoryOpen}
            onToggleHistory={() => setHistoryOpen((open) => !open)}
          />
          <div className="flex min-h-0 flex-1 flex-col">
            <div style={{ flexBasis: `${split * 100}%` }} className="min-h-0 shrink-0 grow-0">
              <SqlEditor
                ref={editorRef}
                dialect={dialect}
                schema={api.schema}
                isDark={isDark}
                initialValue={draft.initialValue}
                onChange={draft.onChange}
                onRunCurrent={() => start('current')}
                onRunAll={() => start('all')}
              />
            </div>
            <div
              role="separator"
              aria-orientation="horizontal"
              aria-label="Resize editor and results"
              onPointerDown={startDrag}
              className="h-1.5 shrink-0 cursor-row-resize border-y border-zinc-200 bg-zinc-100 hover:bg-indigo-200 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-indigo-900"
            />
            <section aria-label="Results" className="min-h-0 flex-1">
              <ResultPanel run={run} version={api.version} rowCap={api.info?.rowCap ?? 10_000} onCancel={api.cancel} isOver={Boolean(api.ending)} />
            </section>
          </div>
        </div>
        {isHistoryOpen ? (
          <HistoryPanel
            runs={api.runs}
            version={api.version}
            selectedId={run?.id}
            onSelect={(id) => setSelectedRun(id)}
            onLoad={(script) => editorRef.current?.setValue(script)}
          />
        ) : null}
      </div>
      {api.ending ? <EndBanner ending={api.ending} sessionId={sessionId} resource={resource} isRecorded={isRecorded} /> : null}
    </div>
  );
}

/** Run, Run all, Cancel query (while one runs) and the History toggle. */
function ConsoleToolbar({
  isConnected,
  onRun,
  onCancel,
  isHistoryOpen,
  onToggleHistory,
}: {
  isConnected: boolean;
  onRun: (mode: 'current' | 'all') => void;
  onCancel: (() => void) | undefined;
  isHistoryOpen: boolean;
  onToggleHistory: () => void;
}) {
  return (
    <div className="flex h-9 shrink-0 items-center gap-2 border-b border-zinc-200 px-2 dark:border-zinc-800">
      <button
        type="button"
        disabled={!isConnected}
        onClick={() => onRun('current')}
        title="Run the selection, or the statement under the cursor (Ctrl/Cmd+Enter)"
        className="inline-flex items-center gap-1 rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-500 disabled:bg-indigo-400 dark:disabled:bg-indigo-900"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor">
          <path d="M4 2.5v11l9-5.5z" />
        </svg>
        Run
      </button>
      <button
        type="button"
        disabled={!isConnected}
        onClick={() => onRun('all')}
        title="Run every statement in the editor (Ctrl/Cmd+Shift+Enter)"
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-900"
      >
        Run all
      </button>
      {onCancel ? (
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-red-300 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-300 dark:hover:bg-red-950"
        >
          Cancel query
        </button>
      ) : null}
      <span className="ml-2 hidden text-xs text-zinc-500 md:inline">Ctrl/Cmd+Enter runs the statement under the cursor</span>
      <button
        type="button"
        aria-pressed={isHistoryOpen}
        onClick={onToggleHistory}
        className="ml-auto rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        History
      </button>
    </div>
  );
}

/** An error with a position is marked in the editor, where the statement was (once per error). */
function useErrorMarks(api: SqlConsoleApi, editorRef: RefObject<SqlEditorHandle | null>): void {
  const lastMarked = useRef<string>(undefined);
  useEffect(() => {
    const current = api.runs[api.runs.length - 1];
    const failed = current?.results.find((r) => r.error && r.error.position !== null);
    if (!current || !failed?.error || failed.error.position === null) return;
    const key = `${current.id}:${failed.index}`;
    if (lastMarked.current === key) return;
    lastMarked.current = key;
    editorRef.current?.showError(current.editorOffset + failed.error.position, failed.error.message);
  }, [api.version, api.runs, editorRef]);
}

/** The editor/results split, as a share of the height: dragging the separator moves it (15 %–85 %). */
function useSplitDrag(initial: number): [number, (event: PointerEvent<HTMLDivElement>) => void] {
  const [split, setSplit] = useState(initial);
  const startDrag = (event: PointerEvent<HTMLDivElement>) => {
    const container = event.currentTarget.parentElement;
    if (!container) return;
    event.preventDefault();
    const box = container.getBoundingClientRect();
    const move = (e: globalThis.PointerEvent) => setSplit(Math.min(0.85, Math.max(0.15, (e.clientY - box.top) / box.height)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return [split, startDrag];
}
