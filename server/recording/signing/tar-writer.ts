/**
 * A minimal ustar writer: regular files only, names under 100 bytes. The bundle is a tar so
 * `tar -xf` opens it and the offline verifier reads it with Node's standard library alone.
 */
const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** The 512-byte header of one file. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const header = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 99) throw new Error(`tar entry name too long: ${name}`);
  header.write(name, 0, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/** Header, data and padding of one file, as parts to enqueue in order. */
export function tarEntry(name: string, data: Buffer, mtime: Date): Buffer[] {
  const padding = (BLOCK - (data.length % BLOCK)) % BLOCK;
  return [tarHeader(name, data.length, mtime), data, Buffer.alloc(padding)];
}

/** Two empty blocks close the archive. */
export function tarEnd(): Buffer {
  return Buffer.alloc(BLOCK * 2);
}
