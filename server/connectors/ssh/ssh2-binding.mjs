/*
 * ssh2's optional native crypto binding aborts the whole process on the Node.js lines this
 * project supports, once built against their headers (Node 24.19 and later on the 24 line):
 * `node::ObjectWrap` (header-only, so compiled into the addon) now removes an environment
 * cleanup hook in its destructor, V8's garbage collector runs that destructor with no context
 * entered, and Node's `CHECK_NOT_NULL(env)` fails (nodejs/node#65446, mscdex/ssh2#1511). Every
 * SSH session's ciphers are such objects: some collection after sessions close would end the
 * gateway and every live session with it. ssh2 uses node:crypto when the binding does not load,
 * so an affected binding is moved aside at install (scripts/postinstall.mjs), and the server
 * refuses to start while one is in place.
 *
 * An affected build is told by the hook's symbol in the binary: ssh2's own code never calls it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const MARKER = Buffer.from('RemoveEnvironmentCleanupHook');
const SET_ASIDE_SUFFIX = '.aborts-on-gc';

/** Where ssh2 loads its binding from (it may not exist: the build is optional). */
export function ssh2BindingFile(fromDir = process.cwd()) {
  const ssh2Dir = path.dirname(createRequire(path.join(fromDir, 'package.json')).resolve('ssh2/package.json'));
  return path.join(ssh2Dir, 'lib', 'protocol', 'crypto', 'build', 'Release', 'sshcrypto.node');
}

/** Whether this built binding is one that aborts the process when a cipher object is collected. */
export function abortsOnGc(bindingFile) {
  return fs.readFileSync(bindingFile).includes(MARKER);
}

/** The binding ssh2 would load, if it is an affected one; null when there is none or it is safe. */
export function unsafeSsh2Binding(fromDir = process.cwd()) {
  const file = ssh2BindingFile(fromDir);
  return fs.existsSync(file) && abortsOnGc(file) ? file : null;
}

/** Moves an affected binding aside (ssh2 then uses node:crypto); returns where it went, or null. */
export function setAsideUnsafeSsh2Binding(fromDir = process.cwd()) {
  const file = unsafeSsh2Binding(fromDir);
  if (!file) return null;
  fs.renameSync(file, file + SET_ASIDE_SUFFIX);
  return file + SET_ASIDE_SUFFIX;
}
