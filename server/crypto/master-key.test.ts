import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resetServerGlobals, setTestEnv, TEST_SECRET_KEY, testDataDir } from '@/test/env';
import { deriveKey, loadMasterKey } from './master-key';
import { captureLogs } from '@/test/harness/capture-logs';

describe('master key', () => {
  it('comes from PORTHOLE_SECRET_KEY, in hex or base64', () => {
    expect(loadMasterKey().toString('hex')).toBe(TEST_SECRET_KEY);
    const base64 = Buffer.from(TEST_SECRET_KEY, 'hex').toString('base64');
    setTestEnv({ PORTHOLE_SECRET_KEY: base64 });
    expect(loadMasterKey().toString('hex')).toBe(TEST_SECRET_KEY);
  });

  it('without PORTHOLE_SECRET_KEY is generated once into the data directory (owner-only) and reused', () => {
    const dataDir = path.join(testDataDir(), 'generated-key');
    setTestEnv({ PORTHOLE_SECRET_KEY: undefined, PORTHOLE_DATA_DIR: dataDir });
    const logs = captureLogs();
    const key = loadMasterKey();
    expect(key).toHaveLength(32);
    const file = path.join(dataDir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(logs.entries()).toEqual([expect.objectContaining({ level: 'warn', msg: expect.stringContaining('PORTHOLE_SECRET_KEY') as unknown })]);
    logs.restore();

    resetServerGlobals();
    expect(loadMasterKey().equals(key)).toBe(true);
  });

  it('refuses a key file that does not hold 32 bytes', () => {
    const dataDir = path.join(testDataDir(), 'bad-key');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'secret.key'), 'abcd\n');
    setTestEnv({ PORTHOLE_SECRET_KEY: undefined, PORTHOLE_DATA_DIR: dataDir });
    expect(() => loadMasterKey()).toThrow(/32-byte key/);
  });

  it('derives different keys for different purposes', () => {
    const a = deriveKey('resource-credentials');
    expect(a).toHaveLength(32);
    expect(a.equals(deriveKey('resource-credentials'))).toBe(true);
    expect(a.equals(deriveKey('tickets'))).toBe(false);
    expect(a.equals(loadMasterKey())).toBe(false);
  });

  it('derives from the master key in force: another key gives other derived keys, the same key the same ones', () => {
    const before = deriveKey('resource-credentials');
    setTestEnv({ PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex') });
    const other = deriveKey('resource-credentials');
    expect(other.equals(before)).toBe(false);
    // A caller that changes its copy changes nobody else's.
    other.fill(0);
    expect(deriveKey('resource-credentials').equals(other)).toBe(false);
    setTestEnv({ PORTHOLE_SECRET_KEY: TEST_SECRET_KEY });
    expect(deriveKey('resource-credentials').equals(before)).toBe(true);
  });
});
