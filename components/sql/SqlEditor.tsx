'use client';

import Editor from '@monaco-editor/react';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { SqlSchemaTree } from '@/lib/protocol/sql-protocol';
import type { SqlDialect } from '@/lib/sql/split-statements';
// Sets up the bundled Monaco and its workers (no CDN) before the editor mounts.
import { monaco } from '../console/monaco-environment';
import { editorHandle, MARKER_OWNER, type SqlEditorHandle } from './editor-handle';
import { installSqlCompletions, setCompletionSchema } from './sql-completions';

export type { RunTarget, SqlEditorHandle } from './editor-handle';

export type SqlEditorProps = {
  dialect: SqlDialect;
  schema?: SqlSchemaTree;
  isDark: boolean;
  initialValue: string;
  onRunCurrent: () => void;
  onRunAll: () => void;
  onChange?: (value: string) => void;
};

const LANGUAGE: Record<SqlDialect, string> = { postgres: 'pgsql', mysql: 'mysql' };

declare global {
  interface Window {
    /** For end-to-end tests: the console's editor. */
    __portholeSqlEditor?: SqlEditorHandle;
  }
}

/** The SQL editor: dialect highlighting, schema completion, Ctrl/Cmd+Enter to run. */
export const SqlEditor = forwardRef<SqlEditorHandle, SqlEditorProps>(function SqlEditor(
  { dialect, schema, isDark, initialValue, onRunCurrent, onRunAll, onChange },
  ref,
) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const runCurrent = useRef(onRunCurrent);
  const runAll = useRef(onRunAll);
  runCurrent.current = onRunCurrent;
  runAll.current = onRunAll;

  useEffect(() => setCompletionSchema(schema), [schema]);

  const handle = editorHandle(editorRef, dialect);
  useImperativeHandle(ref, () => handle);

  return (
    <Editor
      defaultLanguage={LANGUAGE[dialect]}
      defaultValue={initialValue}
      theme={isDark ? 'vs-dark' : 'vs'}
      loading={<span className="p-3 text-xs text-zinc-500">Loading editor…</span>}
      onChange={(value) => onChange?.(value ?? '')}
      options={{
        minimap: { enabled: false },
        fontSize: 13,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        wordBasedSuggestions: 'off',
        quickSuggestions: { other: true, comments: false, strings: false },
        suggestOnTriggerCharacters: true,
        tabSize: 2,
        renderLineHighlight: 'line',
        fixedOverflowWidgets: true,
        ariaLabel: 'SQL editor',
      }}
      onMount={(editor) => {
        editorRef.current = editor;
        installSqlCompletions(monaco, LANGUAGE[dialect]);
        // A suggestion list left open over the editor would hide the statement that just ran.
        const closePopups = () => {
          editor.trigger('run', 'hideSuggestWidget', undefined);
          editor.trigger('run', 'closeParameterHints', undefined);
        };
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
          closePopups();
          runCurrent.current();
        });
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => {
          closePopups();
          runAll.current();
        });
        editor.onDidChangeModelContent(() => monaco.editor.setModelMarkers(editor.getModel()!, MARKER_OWNER, []));
        window.__portholeSqlEditor = handle;
        editor.focus();
      }}
    />
  );
});

export default SqlEditor;
