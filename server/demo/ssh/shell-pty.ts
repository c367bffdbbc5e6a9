import type { IPty } from 'node-pty';
import { spawnPythonPty } from './python-pty';
import type { ShellPty, ShellPtyOptions } from './shell-pty-types';
import { log } from '../../log/logger';

type NodePty = typeof import('node-pty');
let nodePty: Promise<NodePty | undefined> | undefined;

/** node-pty is a native module; if it did not build on this machine, Python's pty module stands in. */
function loadNodePty(): Promise<NodePty | undefined> {
  nodePty ??= import('node-pty').then(
    (module) => (module as { default?: NodePty }).default ?? module,
    (error: unknown) => {
      log().warn(`node-pty is unavailable (${error instanceof Error ? error.message : String(error)}); the demo shell uses python3's pty module.`);
      return undefined;
    },
  );
  return nodePty;
}

function wrapNodePty(pty: IPty): ShellPty {
  return {
    write: (data) => pty.write(data.toString('utf8')),
    resize: (cols, rows) => pty.resize(cols, rows),
    pause: () => pty.pause(),
    resume: () => pty.resume(),
    kill: () => pty.kill(),
    // encoding: null makes node-pty hand out Buffers, despite its string typing.
    onData: (listener) => pty.onData((data) => listener(Buffer.isBuffer(data) ? data : Buffer.from(data))),
    onExit: (listener) => pty.onExit(({ exitCode }) => listener(exitCode)),
  };
}

export async function spawnShellPty(options: ShellPtyOptions): Promise<ShellPty> {
  const pty = await loadNodePty();
  if (!pty) return spawnPythonPty(options);
  return wrapNodePty(
    pty.spawn(options.file, options.args, {
      name: 'xterm-256color',
      cols: options.cols,
      rows: options.rows,
      cwd: options.cwd,
      env: options.env,
      encoding: null,
    }),
  );
}
