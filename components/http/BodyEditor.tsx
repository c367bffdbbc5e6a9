'use client';

import Editor from '@monaco-editor/react';
import { useRef } from 'react';
// Sets up the bundled Monaco and its workers (JSON's included; no CDN) before the editor mounts.
import { monaco } from '../console/monaco-environment';

export type BodyEditorHandle = { getValue(): string; setValue(text: string): void };

declare global {
  interface Window {
    /** For end-to-end tests: the HTTP console's body editor (Monaco's DOM is not a textarea). */
    __portholeHttpBody?: BodyEditorHandle;
  }
}

/**
 * The request body: Monaco in JSON mode (highlighting, validation, Format Document), with
 * Ctrl/Cmd+Enter sending the request as the request bar's button does. Controlled by value.
 */
export default function BodyEditor({
  value,
  isDark,
  onChange,
  onSend,
}: {
  value: string;
  isDark: boolean;
  onChange: (value: string) => void;
  onSend: () => void;
}) {
  const send = useRef(onSend);
  send.current = onSend;
  const change = useRef(onChange);
  change.current = onChange;
  return (
    <Editor
      language="json"
      value={value}
      theme={isDark ? 'vs-dark' : 'vs'}
      loading={<span className="p-3 text-xs text-zinc-500">Loading editor…</span>}
      onChange={(next) => onChange(next ?? '')}
      options={{
        minimap: { enabled: false },
        fontSize: 13,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        fixedOverflowWidgets: true,
        ariaLabel: 'Request body (JSON)',
      }}
      onMount={(editor) => {
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => send.current());
        window.__portholeHttpBody = {
          getValue: () => editor.getValue(),
          setValue: (text) => {
            editor.setValue(text);
            change.current(text);
          },
        };
      }}
    />
  );
}
