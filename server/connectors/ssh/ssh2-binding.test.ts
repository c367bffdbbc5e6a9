import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setAsideUnsafeSsh2Binding, ssh2BindingFile, unsafeSsh2Binding } from './ssh2-binding.mjs';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Opens and drops thousands of SSH ciphers the way sessions do (through ssh2's own factory, so
 * its native binding is used when it loads) while allocating enough for the collector to run.
 */
const CHURN_CIPHERS = `
const { createCipher, createDecipher, CIPHER_INFO } = require(require.resolve('ssh2/lib/protocol/crypto', { paths: [process.cwd()] }));
const info = CIPHER_INFO['aes128-gcm@openssh.com'];
const key = Buffer.alloc(info.keyLen, 1);
const iv = Buffer.alloc(info.ivLen, 2);
let round = 0;
function churn() {
  for (let i = 0; i < 500; i++) {
    createDecipher({ inbound: { seqno: 0, onPayload() {}, decipherInfo: info, decipherKey: key, decipherIV: iv } }).free();
    createCipher({ outbound: { seqno: 0, onWrite() {}, cipherInfo: info, cipherKey: key, cipherIV: iv } }).free();
  }
  const garbage = [];
  for (let i = 0; i < 20000; i++) garbage.push({ i, text: 'x' + i });
  if (++round < 100) setImmediate(churn);
  else console.log('survived ' + round + ' rounds');
}
churn();
`;

describe("ssh2's native crypto binding", () => {
  it('never aborts the process when SSH ciphers are garbage-collected (Node 24.19+ headers: nodejs/node#65446)', () => {
    const result = spawnSync(process.execPath, ['-e', CHURN_CIPHERS], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).not.toContain('Assertion failed');
    expect(result.stdout).toContain('survived 100 rounds');
    expect(result.status).toBe(0);
  });

  it('in this checkout is either safe or moved aside by npm install', () => {
    expect(unsafeSsh2Binding(ROOT)).toBeNull();
  });
});

describe('setting an affected binding aside', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A project whose node_modules holds an ssh2 with a built binding of these bytes. */
  function projectWithBinding(bytes: string): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh2-binding-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'node_modules', 'ssh2'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'ssh2', 'package.json'), '{"name":"ssh2"}');
    const file = ssh2BindingFile(dir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    return file;
  }

  it('moves a binding that removes cleanup hooks out of the way, once', () => {
    const file = projectWithBinding('\x7fELF...\0_ZN4node28RemoveEnvironmentCleanupHookEPN2v87IsolateEPFvPvES3_\0...');
    expect(unsafeSsh2Binding(dir)).toBe(file);
    expect(setAsideUnsafeSsh2Binding(dir)).toBe(`${file}.aborts-on-gc`);
    expect(fs.existsSync(file)).toBe(false);
    expect(unsafeSsh2Binding(dir)).toBeNull();
    expect(setAsideUnsafeSsh2Binding(dir)).toBeNull();
  });

  it('leaves a binding built against older headers where ssh2 loads it', () => {
    const file = projectWithBinding('\x7fELF...\0_ZN4node10ObjectWrapD2Ev\0...');
    expect(setAsideUnsafeSsh2Binding(dir)).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
  });
});
