import * as monaco from 'monaco-editor';
import type { RefObject } from 'react';
import { splitStatements, statementAt, type SqlDialect } from '@/lib/sql/split-statements';

export type RunTarget = { script: string; offset: number };

export type SqlEditorHandle = {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  /** The selection, or else the statement under the cursor. */
  currentTarget(): RunTarget | undefined;
  /** Marks an error at an offset of the editor text (and moves the cursor there). */
  showError(offset: number, message: string): void;
  clearErrors(): void;
};

/** Owner of the error markers the console sets (and clears on the next edit). */
export const MARKER_OWNER = 'porthole-sql';

/** What the console may do with its editor, over the Monaco instance `editorRef` holds once mounted. */
export function editorHandle(editorRef: RefObject<monaco.editor.IStandaloneCodeEditor | null>, dialect: SqlDialect): SqlEditorHandle {
  return {
    getValue: () => editorRef.current?.getValue() ?? '',
    setValue: (text) => {
      editorRef.current?.setValue(text);
      editorRef.current?.focus();
    },
    focus: () => editorRef.current?.focus(),
    currentTarget: () => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model) return undefined;
      const selection = editor.getSelection();
      if (selection && !selection.isEmpty()) {
        const text = model.getValueInRange(selection);
        return { script: text, offset: model.getOffsetAt(selection.getStartPosition()) };
      }
      const text = model.getValue();
      const position = editor.getPosition();
      const statement = statementAt(splitStatements(text, dialect), position ? model.getOffsetAt(position) : 0);
      return statement ? { script: statement.text, offset: statement.start } : undefined;
    },
    showError: (offset, message) => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model) return;
      const start = model.getPositionAt(offset);
      const word = model.getWordAtPosition(start);
      const endColumn = word && word.startColumn <= start.column ? word.endColumn : start.column + 1;
      monaco.editor.setModelMarkers(model, MARKER_OWNER, [
        {
          severity: monaco.MarkerSeverity.Error,
          message,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: start.lineNumber,
          endColumn,
        },
      ]);
      editor.setPosition(start);
      editor.revealPositionInCenterIfOutsideViewport(start);
    },
    clearErrors: () => {
      const model = editorRef.current?.getModel();
      if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    },
  };
}
