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
import { ConnectorError } from '../../connector-error';
import type { TerminalExit } from '../../terminal-connector';
import { openSshTerminal } from '../open-ssh-terminal';
import { startDemoSshServer, type DemoSshServer } from './demo-ssh-server';
import { spawnPythonPty } from './python-pty';

let demo: DemoSshServer;
beforeAll(async () => {
  demo = await startDemoSshServer(testDataDir());
});
afterAll(async () => {
  await demo?.close();
});

async function shell(password = demo.password) {
  let output = '';
  let resolveExit: (exit: TerminalExit) => void = () => {};
  const exited = new Promise<TerminalExit>((resolve) => (resolveExit = resolve));
  const connection = await openSshTerminal({ ...demo, password }, { cols: 90, rows: 20 }, { onData: (c) => (output += c.toString()), onDrain: () => {}, onExit: resolveExit });
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 200 && !pattern.test(output); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(output).toMatch(pattern);
  };
  return { connection, waitFor, type: (text: string) => connection.write(Buffer.from(text)), exited };
}

describe('demo SSH target', () => {
  it('opens a real shell in a PTY in its scratch directory, without Porthole secrets', async () => {
    const term = await shell();
    term.type('echo $((6*7)); stty size; pwd; echo "[${PORTHOLE_SECRET_KEY-}]"\n');
    await term.waitFor(/[\r\n]42\r\n20 90\r\n/);
    await term.waitFor(new RegExp(`[\\r\\n]${path.join(testDataDir(), 'demo-ssh', 'home')}\\r\\n\\[\\]\\r\\n`));
    term.connection.resize({ cols: 101, rows: 33 });
    term.type('stty size\n');
    await term.waitFor(/[\r\n]33 101\r\n/);
    term.type('exit 7\n');
    expect((await term.exited).exitCode).toBe(7);
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
    const pty = spawnPythonPty({ file: '/bin/sh', args: ['-c', 'stty size; read line; stty size'], cwd: '/', env: { PATH: '/usr/bin:/bin' }, cols: 70, rows: 10 });
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
    expect(await findResource(id)).toMatchObject({ name: 'Demo shell', type: 'ssh', port: demo.port, accessMode: 'open', tags: ['env=demo'], hostKeyFingerprint: demo.hostKeyFingerprint });

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
