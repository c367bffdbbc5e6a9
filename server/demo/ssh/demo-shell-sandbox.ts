import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { log } from '../../log/logger';

/**
 * How the demo shell is kept away from Porthole's data directory (its encryption key signs
 * session cookies, so reading it means forging an admin session):
 * - `user`: Porthole runs as root; the shell runs as an unprivileged account, with no
 *   supplementary groups and no setuid escalation, and the data directory is 0700 root.
 * - `namespace`: Porthole runs as an ordinary user; the shell runs in a user and mount
 *   namespace with an empty tmpfs over the data directory, locked there by a second namespace.
 * When neither is possible the demo shell does not start (`unavailable`).
 */
export type DemoSandbox =
  { kind: 'user'; user: string; uid: number; gid: number } | { kind: 'namespace'; user: string; uid: number; gid: number; hiddenDir: string };

export type DemoSandboxChoice = { sandbox: DemoSandbox } | { unavailable: string };

export const DEMO_SHELL_ACCOUNT = 'porthole-demo';

const TOOLS_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' } as unknown as NodeJS.ProcessEnv;

function run(file: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  // Next's typings make NODE_ENV required on ProcessEnv; these tools get exactly this env.
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 10_000, env: TOOLS_ENV });
  return { ok: result.status === 0, stdout: (result.stdout ?? '').trim(), stderr: (result.stderr ?? result.error?.message ?? '').trim() };
}

function lookupAccount(user: string): { user: string; uid: number; gid: number } | undefined {
  const uid = run('id', ['-u', user]);
  const gid = run('id', ['-g', user]);
  if (!uid.ok || !gid.ok) return undefined;
  return { user, uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** The dedicated system account, created on first use; `nobody` when it cannot be. */
function demoAccount(): { user: string; uid: number; gid: number } | undefined {
  const existing = lookupAccount(DEMO_SHELL_ACCOUNT);
  if (existing) return existing;
  const created = run('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    DEMO_SHELL_ACCOUNT,
  ]);
  if (created.ok) return lookupAccount(DEMO_SHELL_ACCOUNT);
  log().warn(`could not create the ${DEMO_SHELL_ACCOUNT} account (${created.stderr || 'useradd failed'}); the demo shell runs as nobody.`);
  return lookupAccount('nobody');
}

function asUser(): DemoSandboxChoice {
  if (!run('setpriv', ['--version']).ok) return { unavailable: 'setpriv (util-linux) is not installed, so the shell cannot drop root' };
  const account = demoAccount();
  if (!account || account.uid === 0) return { unavailable: `there is no unprivileged account (${DEMO_SHELL_ACCOUNT} or nobody) to run it as` };
  return { sandbox: { kind: 'user', ...account } };
}

function inNamespace(dataDir: string): DemoSandboxChoice {
  const probe = run('unshare', ['--user', '--map-root-user', '--mount', '--', 'true']);
  if (!probe.ok) return { unavailable: `Porthole does not run as root and this machine does not allow user namespaces (${probe.stderr || 'unshare failed'})` };
  const me = os.userInfo();
  return { sandbox: { kind: 'namespace', user: me.username, uid: me.uid, gid: me.gid, hiddenDir: fs.realpathSync(dataDir) } };
}

/** Picks the strongest isolation this machine allows, checked now rather than at the first login. */
export function chooseDemoSandbox(dataDir: string, options: { isRoot?: boolean } = {}): DemoSandboxChoice {
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  return isRoot ? asUser() : inNamespace(dataDir);
}

/** The command line that runs `file args` inside the sandbox. */
export function sandboxedCommand(sandbox: DemoSandbox, file: string, args: string[]): { file: string; args: string[] } {
  if (sandbox.kind === 'user') {
    return {
      file: 'setpriv',
      args: ['--reuid', String(sandbox.uid), '--regid', String(sandbox.gid), '--clear-groups', '--no-new-privs', '--', file, ...args],
    };
  }
  // The tmpfs is mounted in the first namespace; the second one (not root, its own mount
  // namespace) inherits it locked, so the shell cannot unmount it to see what is beneath.
  const hideThenRun =
    'mount -t tmpfs -o size=16k,mode=0500 porthole-hidden "$1" || exit 126; uid=$2 gid=$3; shift 3; exec unshare --user --mount --map-user="$uid" --map-group="$gid" -- "$@"';
  return {
    file: 'unshare',
    args: [
      '--user',
      '--map-root-user',
      '--mount',
      '--',
      '/bin/sh',
      '-c',
      hideThenRun,
      'porthole-sandbox',
      sandbox.hiddenDir,
      String(sandbox.uid),
      String(sandbox.gid),
      file,
      ...args,
    ],
  };
}
