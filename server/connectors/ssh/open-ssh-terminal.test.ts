import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/test/harness/free-port';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { ConnectorError } from '../connector-error';
import type { TerminalConnection, TerminalExit } from '../terminal-connector';
import { fetchHostKey } from './fetch-host-key';
import { openSshTerminal } from './open-ssh-terminal';
import type { SshTarget } from './ssh-target';

let sshd: Sshd;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

const target = (overrides: Partial<SshTarget> = {}): SshTarget => ({
  host: sshd.host,
  port: sshd.port,
  username: sshd.username,
  password: sshd.password,
  hostKeyFingerprint: sshd.hostKeyFingerprint,
  ...overrides,
});

/** Opens a shell and collects its output, with a helper to wait for a pattern in it. */
async function open(overrides: Partial<SshTarget> = {}, size = { cols: 80, rows: 24 }) {
  let output = '';
  let waiters: (() => void)[] = [];
  let resolveExit: (exit: TerminalExit) => void = () => {};
  const exited = new Promise<TerminalExit>((resolve) => (resolveExit = resolve));
  const connection: TerminalConnection = await openSshTerminal(target(overrides), size, {
    onData: (chunk) => {
      output += chunk.toString('utf8');
      const pending = waiters;
      waiters = [];
      pending.forEach((wake) => wake());
    },
    onDrain: () => {},
    onExit: resolveExit,
  });
  const waitFor = async (pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = output.match(pattern);
      if (match) return match;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output: ${JSON.stringify(output.slice(-500))}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  const type = (text: string) => connection.write(Buffer.from(text));
  return { connection, waitFor, type, exited, output: () => output };
}

async function refusal(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const noHandlers = { onData: () => {}, onDrain: () => {}, onExit: () => {} };

describe('SSH connector against a real sshd', () => {
  it('fetches the host key without authenticating', async () => {
    const key = await fetchHostKey(sshd.host, sshd.port);
    expect(key.fingerprint).toBe(sshd.hostKeyFingerprint);
    expect(key.key).toBe(sshd.hostKey);
    expect(key.keyType).toBe('ssh-ed25519');
  });

  it('runs a command in a PTY with a password', async () => {
    const shell = await open();
    shell.type('echo $((6*7))\n');
    await shell.waitFor(/[\r\n]42\r\n/);
    shell.type('echo $TERM\n');
    await shell.waitFor(/[\r\n]xterm-256color\r\n/);
    shell.type('exit 3\n');
    await expect(shell.exited).resolves.toEqual({ reason: 'user_exit', message: 'The shell exited with code 3.', exitCode: 3 });
  });

  it('logs in with a private key', async () => {
    const shell = await open({ password: undefined, privateKey: sshd.privateKey });
    shell.type('whoami\n');
    await shell.waitFor(new RegExp(`[\\r\\n]${sshd.username}\\r\\n`));
    shell.connection.close();
  });

  it('starts with the requested size and follows window changes', async () => {
    const shell = await open({}, { cols: 100, rows: 30 });
    shell.type('stty size\n');
    await shell.waitFor(/[\r\n]30 100\r\n/);
    shell.connection.resize({ cols: 132, rows: 43 });
    shell.type('stty size\n');
    await shell.waitFor(/[\r\n]43 132\r\n/);
    shell.connection.close();
  });

  it('refuses a host whose key differs from the pinned one', async () => {
    const error = await refusal(
      openSshTerminal(target({ hostKeyFingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }), { cols: 80, rows: 24 }, noHandlers),
    );
    expect(error.code).toBe('host_key_changed');
    expect(error.userMessage).toMatch(/host key .* has changed/);
    expect(error.userMessage).toContain(sshd.hostKeyFingerprint);
  });

  it('refuses a host whose key was never confirmed', async () => {
    const error = await refusal(openSshTerminal(target({ hostKeyFingerprint: null }), { cols: 80, rows: 24 }, noHandlers));
    expect(error.code).toBe('host_key_unconfirmed');
  });

  it('reports a wrong password as an authentication failure', async () => {
    const error = await refusal(openSshTerminal(target({ password: 'wrong-password' }), { cols: 80, rows: 24 }, noHandlers));
    expect(error.code).toBe('auth_failed');
    expect(error.userMessage).toMatch(/Authentication failed/);
  });

  it('reports a closed port and an unknown host clearly', async () => {
    const closed = await refusal(openSshTerminal(target({ port: await freePort() }), { cols: 80, rows: 24 }, noHandlers));
    expect(closed.code).toBe('connection_refused');
    const unknown = await refusal(openSshTerminal(target({ host: 'no-such-host.invalid' }), { cols: 80, rows: 24 }, noHandlers));
    expect(unknown.code).toBe('dns_failed');
    expect(unknown.userMessage).toContain('no-such-host.invalid');
  });

  it('ends with target_closed when the target dies mid-session', async () => {
    const shell = await open();
    shell.type('echo ready-$((1+1))\n');
    await shell.waitFor(/ready-2/);
    sshd.killConnections();
    const exit = await shell.exited;
    expect(exit.reason).toBe('target_closed');
    expect(exit.exitCode).toBeNull();
  });
});
