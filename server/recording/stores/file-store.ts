import fs from 'node:fs';
import path from 'node:path';
import { CHUNK_HEADER_BYTES, decodeChunkHeader, decodeOpenFile, OPEN_HEADER_BYTES, openFileHeader, type EncodedKeyframe, type SealedChunk } from '../format';
import type { ChunkInfo, KeyframeInfo, OpenChunk, RecordingStore, RecordingWriter } from './recording-store';
import { isUuid } from '@/lib/uuid/is-uuid';
import { log } from '../../log/logger';

/**
 * Recordings as files under `<dataDir>/recordings/<id>/`:
 *   open-<seq>.log    frames of the chunk being written, appended with writeSync per event
 *   chunk-<seq>.phc   sealed chunks (written to a temporary name, then renamed)
 *   keyframes.bin     keyframe blobs, indexed by keyframes.json
 * A crash can leave an open file whose chunk was already sealed: recovery drops it then.
 */

const CHUNK_FILE = /^chunk-(\d{8})\.phc$/;
const OPEN_FILE = /^open-(\d{8})\.log$/;

const pad = (seq: number) => String(seq).padStart(8, '0');
const chunkName = (seq: number) => `chunk-${pad(seq)}.phc`;
const openName = (seq: number) => `open-${pad(seq)}.log`;

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/** One writev for many parts (the kernel takes up to 1024 at once), finishing any short write. */
function writeAllParts(fd: number, parts: Buffer[]): void {
  for (let start = 0; start < parts.length; start += 1024) {
    const slice = parts.slice(start, start + 1024);
    const total = slice.reduce((sum, part) => sum + part.length, 0);
    const written = fs.writevSync(fd, slice);
    if (written < total) writeAll(fd, Buffer.concat(slice).subarray(written));
  }
}

/** Writes a whole file under a temporary name, then renames it into place. */
async function writeFileAtomically(file: string, bytes: Buffer, { isSynced = true } = {}): Promise<void> {
  const temporary = `${file}.tmp`;
  const handle = await fs.promises.open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    if (isSynced) await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temporary, file);
}

/** One unlink (rm with force takes an lstat first: one more trip to the thread pool per chunk). */
async function removeIfPresent(file: string): Promise<void> {
  try {
    await fs.promises.unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

class FileWriter implements RecordingWriter {
  readonly backlog = 0;
  private fd: number | undefined;
  private fdSeq = -1;
  /** Open files of sequences being sealed, closed once their chunk is on disk. */
  private readonly retiring = new Map<number, number>();
  private readonly unsynced: string[] = [];

  constructor(private readonly dir: string) {}

  append(seq: number, parts: Buffer[]): void {
    if (seq !== this.fdSeq) this.openSeq(seq);
    if (parts.length === 1) writeAll(this.fd!, parts[0]!);
    else writeAllParts(this.fd!, parts);
  }

  flushed(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * The chunk is in place once renamed, and its open file goes. Nothing waits for the disk
   * here (a kill of the process loses nothing the kernel has): an fsync per chunk would cap a
   * session's output at the disk's sync rate and hold the thread pool the compressors share.
   * The recording's chunks are synced once, when it closes.
   */
  async writeChunk(chunk: SealedChunk): Promise<void> {
    const file = path.join(this.dir, chunkName(chunk.seq));
    await writeFileAtomically(file, chunk.bytes, { isSynced: false });
    this.unsynced.push(file);
    const fd = this.retiring.get(chunk.seq) ?? (chunk.seq === this.fdSeq ? this.takeCurrent() : undefined);
    this.retiring.delete(chunk.seq);
    if (fd !== undefined) fs.closeSync(fd);
    await removeIfPresent(path.join(this.dir, openName(chunk.seq)));
  }

  async close(): Promise<void> {
    for (const file of this.unsynced.splice(0)) await syncFile(file).catch((error: unknown) => log().error({ err: error }, `cannot sync ${file}`));
    const fd = this.takeCurrent();
    if (fd !== undefined) fs.closeSync(fd);
    for (const retired of this.retiring.values()) fs.closeSync(retired);
    this.retiring.clear();
  }

  private takeCurrent(): number | undefined {
    const fd = this.fd;
    this.fd = undefined;
    this.fdSeq = -1;
    return fd;
  }

  private openSeq(seq: number): void {
    if (this.fd !== undefined) this.retiring.set(this.fdSeq, this.fd);
    const fd = fs.openSync(path.join(this.dir, openName(seq)), 'a');
    if (fs.fstatSync(fd).size === 0) writeAll(fd, openFileHeader());
    this.fd = fd;
    this.fdSeq = seq;
  }
}

export class FileRecordingStore implements RecordingStore {
  readonly kind = 'file' as const;
  private readonly headers = new Map<string, ChunkInfo>();

  constructor(readonly root: string) {}

  dir(recordingId: string): string {
    if (!isUuid(recordingId)) throw new Error(`not a recording id: ${recordingId}`);
    return path.join(this.root, recordingId.toLowerCase());
  }

  async create(recordingId: string): Promise<RecordingWriter> {
    const dir = this.dir(recordingId);
    await fs.promises.mkdir(dir, { recursive: true });
    // Fail now, not at the first keystroke: the directory must take a write.
    await fs.promises.access(dir, fs.constants.W_OK);
    return new FileWriter(dir);
  }

  async listChunks(recordingId: string): Promise<ChunkInfo[]> {
    const dir = this.dir(recordingId);
    const names = await readdirOrEmpty(dir);
    const seqs = names.flatMap((name) => (CHUNK_FILE.test(name) ? [Number(CHUNK_FILE.exec(name)![1])] : [])).sort((a, b) => a - b);
    return Promise.all(seqs.map((seq) => this.chunkInfo(dir, seq)));
  }

  async readChunk(recordingId: string, seq: number): Promise<Buffer> {
    return fs.promises.readFile(path.join(this.dir(recordingId), chunkName(seq)));
  }

  async readOpen(recordingId: string): Promise<OpenChunk[]> {
    const dir = this.dir(recordingId);
    const names = await readdirOrEmpty(dir);
    const sealed = new Set(names.filter((n) => CHUNK_FILE.test(n)).map((n) => Number(CHUNK_FILE.exec(n)![1])));
    const open: OpenChunk[] = [];
    for (const name of names.sort()) {
      const match = OPEN_FILE.exec(name);
      if (!match) continue;
      const seq = Number(match[1]);
      if (sealed.has(seq)) {
        open.push({ seq, frames: Buffer.alloc(0) });
        continue;
      }
      const bytes = await fs.promises.readFile(path.join(dir, name));
      const { usedBytes } = decodeOpenFile(bytes);
      open.push({ seq, frames: usedBytes > 0 ? bytes.subarray(OPEN_HEADER_BYTES, usedBytes) : Buffer.alloc(0) });
    }
    return open;
  }

  async writeRecoveredChunk(recordingId: string, chunk: SealedChunk): Promise<void> {
    const dir = this.dir(recordingId);
    await writeFileAtomically(path.join(dir, chunkName(chunk.seq)), chunk.bytes);
    await fs.promises.rm(path.join(dir, openName(chunk.seq)), { force: true });
  }

  async dropOpen(recordingId: string, seq: number): Promise<void> {
    await fs.promises.rm(path.join(this.dir(recordingId), openName(seq)), { force: true });
  }

  async moveOpen(recordingId: string, from: number, to: number): Promise<void> {
    const dir = this.dir(recordingId);
    await fs.promises.rename(path.join(dir, openName(from)), path.join(dir, openName(to)));
  }

  async writeKeyframes(recordingId: string, keyframes: EncodedKeyframe[]): Promise<number> {
    const dir = this.dir(recordingId);
    let offset = 0;
    const index = keyframes.map((keyframe, seq) => {
      const entry = { seq, t: keyframe.t, offset, length: keyframe.bytes.length };
      offset += keyframe.bytes.length;
      return entry;
    });
    await writeFileAtomically(path.join(dir, 'keyframes.bin'), Buffer.concat(keyframes.map((k) => k.bytes)));
    await writeFileAtomically(path.join(dir, 'keyframes.json'), Buffer.from(JSON.stringify(index)));
    this.keyframeIndexes.delete(recordingId);
    return offset;
  }

  async listKeyframes(recordingId: string): Promise<KeyframeInfo[]> {
    return (await this.keyframeIndex(recordingId)).map(({ seq, t, length }) => ({ seq, t, storedBytes: length }));
  }

  async readKeyframe(recordingId: string, seq: number): Promise<Buffer> {
    const entry = (await this.keyframeIndex(recordingId))[seq];
    if (!entry) throw new Error(`no keyframe ${seq}`);
    const handle = await fs.promises.open(path.join(this.dir(recordingId), 'keyframes.bin'), 'r');
    try {
      const bytes = Buffer.alloc(entry.length);
      await handle.read(bytes, 0, entry.length, entry.offset);
      return bytes;
    } finally {
      await handle.close();
    }
  }

  async listOpenRecordings(): Promise<string[]> {
    const ids = (await readdirOrEmpty(this.root)).filter((name) => isUuid(name));
    const open: string[] = [];
    for (const id of ids) if ((await readdirOrEmpty(path.join(this.root, id))).some((name) => OPEN_FILE.test(name))) open.push(id);
    return open;
  }

  async deleteRecording(recordingId: string): Promise<void> {
    const dir = this.dir(recordingId);
    for (const key of this.headers.keys()) if (key.startsWith(dir)) this.headers.delete(key);
    this.keyframeIndexes.delete(recordingId);
    await fs.promises.rm(dir, { recursive: true, force: true });
  }

  private readonly keyframeIndexes = new Map<string, { seq: number; t: number; offset: number; length: number }[]>();

  private async keyframeIndex(recordingId: string) {
    const cached = this.keyframeIndexes.get(recordingId);
    if (cached) return cached;
    let index: { seq: number; t: number; offset: number; length: number }[] = [];
    try {
      index = JSON.parse(await fs.promises.readFile(path.join(this.dir(recordingId), 'keyframes.json'), 'utf8')) as typeof index;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return [];
    }
    if (this.keyframeIndexes.size > 200) this.keyframeIndexes.clear();
    this.keyframeIndexes.set(recordingId, index);
    return index;
  }

  /** Chunk files never change once renamed into place, so their headers are cached. */
  private async chunkInfo(dir: string, seq: number): Promise<ChunkInfo> {
    const file = path.join(dir, chunkName(seq));
    const cached = this.headers.get(file);
    if (cached) return cached;
    const handle = await fs.promises.open(file, 'r');
    try {
      const head = Buffer.alloc(CHUNK_HEADER_BYTES);
      await handle.read(head, 0, CHUNK_HEADER_BYTES, 0);
      const { size } = await handle.stat();
      const header = decodeChunkHeader(head);
      const info: ChunkInfo = {
        seq,
        tStart: header.tStart,
        tEnd: header.tEnd,
        eventCount: header.eventCount,
        rawBytes: header.rawBytes,
        prevHash: header.prevHash,
        storedBytes: size,
      };
      if (this.headers.size > 20_000) this.headers.clear();
      this.headers.set(file, info);
      return info;
    } finally {
      await handle.close();
    }
  }
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await fs.promises.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
