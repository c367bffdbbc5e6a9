// WebAssembly text to a binary module, with wabt (a development dependency: the build and the
// test that checks the committed module use it; the server never does).
import fs from 'node:fs';
import path from 'node:path';
import createWabt from 'wabt';

/** The binary module for the .wat file at `file`; SIMD is on (Node has had it since 16.4). */
export async function compileWat(file) {
  const wabt = await createWabt();
  const module = wabt.parseWat(path.basename(file), fs.readFileSync(file, 'utf8'), { simd: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
