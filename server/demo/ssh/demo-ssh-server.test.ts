import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDb, type DbHandle } from '@/db/client';
import { env } from '@/server/env';
import { ensureDemoSshResource } from '@/server/resources/ensure-demo-ssh-resource';
import { findResource } from '@/server/resources/find-resource';
import { createSession } from '@/server/sessions/create-session';
import { openTestDb } from '@/test/db-drivers';
import { testDataDir } from '@/test/env';
import { makeUser } from '@/test/factories';
import { startTestGateway } from '@/test/harness/gateway';
import { connectTerminal } from '@/test/harness/terminal-client';
import { ConnectorError } from '../../connectors/connector-error';
import type { TerminalExit } from '../../connectors/terminal-connector';
import { openSshTerminal } from '../../connectors/ssh/open-ssh-terminal';
import { startDemoSshServer, type DemoSshServer } from './demo-ssh-server';
import { sandboxedCommand } from './demo-shell-sandbox';
import { spawnPythonPty } from './python-pty';

let demo: DemoSshServer;
beforeAll(async () => {
  demo = await startDemoSshServer(testDataDir());
});
afterAll(async () => {
  await demo?.close();
  if (demo) fs.rmSync(demo.home, { recursive: true, force: true });
});

async function shell(password = demo.password, target = demo) {
  let output = '';
  let resolveExit: (exit: TerminalExit) => void = () => {};
  const exited = new Promise<TerminalExit>((resolve) => (resolveExit = resolve));
  const connection = await openSshTerminal(
    { ...target, password },
    { cols: 90, rows: 20 },
    { onData: (c) => (output += c.toString()), onDrain: () => {}, onExit: resolveExit },
  );
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 200 && !pattern.test(output); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(output).toMatch(pattern);
  };
  return { connection, waitFor, output: () => output, type: (text: string) => connection.write(Buffer.from(text)), exited };
}

/**
 * What an engineer in the demo shell would try to forge an admin session: read the key
 * that signs cookies, list the data directory, look for secrets in the environment and in
 * Porthole's own process. Returns everything the shell printed.
 */
async function probeDataDir(target: DemoSshServer, dataDir: string, keyFile: string): Promise<string> {
  const term = await shell(target.password, target);
  term.type(`cat ${keyFile}; ls -a ${dataDir}; env; cat /proc/${process.pid}/environ; echo; echo probe-$((40+2))\n`);
  await term.waitFor(/[\r\n]probe-42\r\n/);
  term.type('exit\n');
  await term.exited;
  return term.output();
}

describe('demo SSH target', () => {
  it('opens a real shell in a PTY in its scratch directory, without Porthole secrets', async () => {
    const term = await shell();
    term.type('echo $((6*7)); stty size; pwd; echo "[${PORTHOLE_SECRET_KEY-}]"\n');
    await term.waitFor(/[\r\n]42\r\n20 90\r\n/);
    await term.waitFor(new RegExp(`[\\r\\n]${demo.home}\\r\\n\\[\\]\\r\\n`));
    expect(demo.home.startsWith(testDataDir())).toBe(false);
    term.connection.resize({ cols: 101, rows: 33 });
    term.type('stty size\n');
    await term.waitFor(/[\r\n]33 101\r\n/);
    term.type('exit 7\n');
    expect((await term.exited).exitCode).toBe(7);
  });

  it("cannot read the data directory, its key, or Porthole's environment", async () => {
    // As Porthole runs here: as root, so the shell runs as an unprivileged account.
    expect(demo.sandbox).toMatchObject({ kind: 'user', user: expect.not.stringMatching(/^root$/) });
    const secret = randomBytes(32).toString('hex');
    const keyFile = path.join(testDataDir(), 'secret.key');
    fs.writeFileSync(keyFile, `${secret}\n`, { mode: 0o600 });
    const output = await probeDataDir(demo, testDataDir(), keyFile);
    expect(output).toContain(`cat: ${keyFile}: Permission denied`);
    expect(output).toContain(`ls: cannot open directory '${testDataDir()}': Permission denied`);
    expect(output).toContain(`cat: /proc/${process.pid}/environ: Permission denied`);
    expect(output).toMatch(/[\r\n]USER=porthole-demo\r\n|[\r\n]USER=nobody\r\n/);
    expect(output).not.toContain(secret);
    expect(output).not.toMatch(/PORTHOLE_|DATABASE_URL|NEXTAUTH/);
  });

  it('the python3 PTY fallback drops root the same way', async () => {
    const { file, args } = sandboxedCommand(demo.sandbox, '/bin/sh', ['-c', `id -u; ls ${testDataDir()}`]);
    const pty = spawnPythonPty({ file, args, cwd: demo.home, env: { PATH: '/usr/bin:/bin' }, cols: 80, rows: 24 });
    let output = '';
    pty.onData((chunk) => (output += chunk.toString()));
    await new Promise<number | null>((resolve) => pty.onExit(resolve));
    expect(output.startsWith(`${demo.sandbox.uid}\r\n`)).toBe(true);
    expect(output).toContain('Permission denied');
  });

  it('without root, hides the data directory under an empty mount the shell cannot lift', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-demo-ns-'));
    const secret = randomBytes(32).toString('hex');
    const keyFile = path.join(dataDir, 'secret.key');
    fs.writeFileSync(keyFile, `${secret}\n`, { mode: 0o600 });
    const me = os.userInfo();
    const isolated = await startDemoSshServer(dataDir, { sandbox: { kind: 'namespace', user: me.username, uid: me.uid, gid: me.gid, hiddenDir: dataDir } });
    try {
      const term = await shell(isolated.password, isolated);
      term.type(`umount ${dataDir}; umount -l ${dataDir}; cat ${keyFile}; ls -a ${dataDir} | wc -l; env; echo probe-$((40+2))\n`);
      await term.waitFor(/[\r\n]probe-42\r\n/);
      term.type('exit\n');
      await term.exited;
      expect(term.output()).toContain(`cat: ${keyFile}: No such file or directory`);
      expect(term.output()).toMatch(/[\r\n]2\r\n/); // only . and ..
      expect(term.output()).not.toContain(secret);
      expect(term.output()).not.toMatch(/PORTHOLE_|DATABASE_URL|NEXTAUTH/);
    } finally {
      await isolated.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(isolated.home, { recursive: true, force: true });
    }
  });

  it('refuses a wrong password and keeps its host key across restarts', async () => {
    await expect(shell('not-the-password')).rejects.toMatchObject({ code: 'auth_failed' } satisfies Partial<ConnectorError>);
    const again = await startDemoSshServer(testDataDir());
    try {
      expect(again.hostKeyFingerprint).toBe(demo.hostKeyFingerprint);
      expect(again.password).not.toBe(demo.password);
      expect(again.port).not.toBe(demo.port);
    } finally {
      await again.close();
    }
  });

  it('falls back to python3 for the PTY, window changes included', async () => {
    const pty = spawnPythonPty({
      file: '/bin/sh',
      args: ['-c', 'stty size; read line; stty size'],
      cwd: '/',
      env: { PATH: '/usr/bin:/bin' },
      cols: 70,
      rows: 10,
    });
    let output = '';
    pty.onData((chunk) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => pty.onExit(resolve));
    for (let i = 0; i < 100 && !output.includes('10 70'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    pty.resize(120, 40);
    await new Promise((resolve) => setTimeout(resolve, 50));
    pty.write(Buffer.from('\n'));
    expect(await exited).toBe(0);
    expect(output).toMatch(/10 70\r\n[\s\S]*40 120\r\n/);
  });
});

describe('demo resource', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb('pglite');
    setDb(handle);
  });
  afterAll(async () => {
    setDb(undefined);
    await handle?.close();
  });

  it('is upserted with pinned key and fresh credentials, and a new engineer works in it', async () => {
    const id = await ensureDemoSshResource({ ...demo, password: 'old-password' });
    expect(await ensureDemoSshResource(demo)).toBe(id);
    expect(await findResource(id)).toMatchObject({
      name: 'Demo shell',
      type: 'ssh',
      port: demo.port,
      accessMode: 'open',
      tags: ['env=demo'],
      hostKeyFingerprint: demo.hostKeyFingerprint,
    });

    const gateway = await startTestGateway();
    try {
      const { actor } = await makeUser();
      const created = await createSession({ actor, input: { resourceId: id } });
      const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
      term.type('echo demo-$((20+22))\n');
      await term.waitFor(/demo-42/);
      term.type('exit\n');
      expect((await term.waitForMessage('exit')).reason).toBe('user_exit');
      await gateway.idle();
    } finally {
      await gateway.close();
    }
  });
});
