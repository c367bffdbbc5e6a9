import { describe, expect, it } from 'vitest';
import { createResourceInput, sshUsername } from './resource-schemas';

describe('SSH user names', () => {
  it('accepts POSIX user names', () => {
    for (const name of ['deploy', 'root', '_svc', 'porthole-test', 'ci_runner2', 'machine$', 'a'.repeat(32)])
      expect(sshUsername.safeParse(name).success, name).toBe(true);
  });

  it('refuses anything a shell or log line could read as more than a name', () => {
    for (const name of ['root; rm -rf', 'root rm', 'Deploy', '-oProxyCommand=x', '1abc', 'a$b', 'user@host', 'a'.repeat(33), ''])
      expect(sshUsername.safeParse(name).success, name).toBe(false);
  });

  it('holds for a new SSH resource, with the error on the username field; database users keep their wider rule', () => {
    const ssh = createResourceInput.safeParse({ type: 'ssh', name: 'web', host: '10.0.0.5', username: 'root; rm -rf', password: 'pw' });
    expect(ssh.success).toBe(false);
    expect(ssh.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['username']);
    expect(createResourceInput.safeParse({ type: 'postgres', name: 'db', host: '10.0.0.6', username: 'App_Reader', database: 'app' }).success).toBe(true);
  });
});

describe('retention days on a resource', () => {
  const base = { type: 'ssh', name: 'web', host: '10.0.0.5', username: 'deploy', password: 'pw' } as const;
  const parse = (retentionDays: unknown) => createResourceInput.safeParse({ ...base, retentionDays });

  it('an empty field follows the default (null), 0 keeps forever, a number of days is kept as such', () => {
    expect(createResourceInput.parse(base).retentionDays).toBeNull();
    expect(parse('').data?.retentionDays).toBeNull();
    expect(parse('0').data?.retentionDays).toBe(0);
    expect(parse(90).data?.retentionDays).toBe(90);
  });

  it('refuses negative, fractional and absurd values with a message on the field', () => {
    for (const value of [-1, '1.5', 40_000, 'soon']) {
      const result = parse(value);
      expect(result.success, String(value)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['retentionDays']);
    }
  });
});

describe("a resource's idle limit", () => {
  const base = { type: 'postgres', name: 'db', host: '10.0.0.6', username: 'app', database: 'app' } as const;
  const parse = (inputIdleMinutes: unknown) => createResourceInput.safeParse({ ...base, inputIdleMinutes });

  it("an empty field follows the installation's (null), 0 never ends sessions, minutes may have decimals", () => {
    expect(createResourceInput.parse(base).inputIdleMinutes).toBeNull();
    expect(parse('').data?.inputIdleMinutes).toBeNull();
    expect(parse('0').data?.inputIdleMinutes).toBe(0);
    expect(parse('15').data?.inputIdleMinutes).toBe(15);
    expect(parse('0.5').data?.inputIdleMinutes).toBe(0.5);
  });

  it('refuses negative, over a day and non-numbers, on the field', () => {
    for (const [value, message] of [
      [-1, 'Use 0 to never end sessions for want of input'],
      [1441, 'At most 1440 minutes (a day)'],
      [0.001, 'Use 0 (never) or at least 0.05 minutes (3 seconds)'],
      [1e-7, 'Use 0 (never) or at least 0.05 minutes (3 seconds)'],
      [0.01, 'Use 0 (never) or at least 0.05 minutes (3 seconds)'],
      [0.051, 'At most two decimals'],
      ['soon', undefined],
    ] as const) {
      const result = parse(value);
      expect(result.success, String(value)).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ['inputIdleMinutes'], ...(message ? { message } : {}) });
      // One message per value, not every rule it breaks.
      if (message) expect(result.error?.issues).toHaveLength(1);
    }
  });
});
