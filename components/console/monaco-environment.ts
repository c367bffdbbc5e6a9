import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';

/*
 * Monaco is bundled with the app: @monaco-editor/react would otherwise fetch it from a CDN.
 * Its workers are bundled too: the editor worker for every language, and JSON's own language
 * worker (validation, formatting) for the HTTP console's body editor. Every editor imports this
 * module, so whichever console loads first sets up the same environment.
 */
(globalThis as unknown as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'json'
      ? new Worker(new URL('monaco-editor/language/json/json.worker.js', import.meta.url), { type: 'module' })
      : new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module' }),
};
loader.config({ monaco });

export { monaco };
