import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { decodeChunk, decodeOpenFile, genesisHash, sha256, type EventKind } from './format';
import { CHUNK_BYTES, RecordingLog } from './recording-log';
import { FileRecordingStore } from './stores/file-store';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-recording-log-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function storedEvents(store: FileRecordingStore, id: string) {
  const events: { kind: EventKind; data: Buffer }[] = [];
  let prevHash = genesisHash(id);
  for (const info of await store.listChunks(id)) {
    const bytes = await store.readChunk(id, info.seq);
    const { header, events: chunkEvents } = decodeChunk(bytes);
    expect(header.prevHash).toBe(prevHash);
    prevHash = sha256(bytes);
    for (const { kind, data } of chunkEvents) events.push({ kind, data: Buffer.from(data) });
  }
  return events;
}

it('stores every event byte for byte across chunk buffers that grow, fill, and are reused while others compress', async () => {
  const store = new FileRecordingStore(root);
  // Two recordings at once share the pool of chunk buffers.
  const ids = [randomUUID(), randomUUID()];
  const logs = await Promise.all(
    ids.map(
      async (id) =>
        new RecordingLog({ recordingId: id, writer: await store.create(id), isBatching: true, onError: (error) => expect.unreachable(error.message) }),
    ),
  );
  // Keystrokes, bulk output (dense and text), a frame bigger than a whole chunk, control events.
  const sizes = [1, 3, 4096, 32 * 1024, 700, 2 * CHUNK_BYTES + 5, 65 * 1024, 0, 16 * 1024, 32 * 1024, 32 * 1024];
  const sent = ids.map((_, j) =>
    Array.from({ length: 600 }, (_, i) => {
      const size = sizes[(i + j) % sizes.length]!;
      const kind: EventKind = i % 11 === 0 ? 'i' : i % 97 === 0 ? 'm' : 'o';
      return { kind, data: i % 3 === 0 ? Buffer.from('x'.repeat(size)) : randomBytes(size) };
    }),
  );
  // Appended in a tight loop, so a buffer reused before its compression finished would show.
  for (let i = 0; i < 600; i++) {
    for (const [j, log] of logs.entries()) {
      const { kind, data } = sent[j]![i]!;
      const copy = Buffer.from(data);
      log.append(kind, copy);
      // The caller may reuse its buffer once append returned.
      copy.fill(0);
      if (i % 5 === 0) log.flushWrites();
    }
    if (i % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const [j, log] of logs.entries()) {
    const stats = await log.finish();
    expect(stats.chunkCount).toBeGreaterThan(10);
    const stored = await storedEvents(store, ids[j]!);
    expect(stored.length).toBe(sent[j]!.length);
    for (const [k, event] of stored.entries()) {
      expect(event.kind).toBe(sent[j]![k]!.kind);
      expect(event.data.equals(sent[j]![k]!.data)).toBe(true);
    }
    expect(await store.readOpen(ids[j]!)).toEqual([]);
  }
}, 60_000);

it('has every appended event in the open file before the seal (what a SIGKILL leaves)', async () => {
  const store = new FileRecordingStore(root);
  const id = randomUUID();
  const log = new RecordingLog({ recordingId: id, writer: await store.create(id), onError: (error) => expect.unreachable(error.message) });
  const sent = [Buffer.from('$ '), randomBytes(40_000), Buffer.from('ls\r\n')];
  for (const data of sent) log.append('o', data);
  const open = fs.readFileSync(path.join(store.dir(id), 'open-00000000.log'));
  expect(decodeOpenFile(open).events.map((event) => Buffer.from(event.data))).toEqual(sent);
  log.abandon();
});

it('stores base64 output uncompressed and compresses the text that follows it again', async () => {
  const store = new FileRecordingStore(root);
  const id = randomUUID();
  const log = new RecordingLog({ recordingId: id, writer: await store.create(id), isBatching: true, onError: (error) => expect.unreachable(error.message) });
  // Fresh random bytes each time: a repeated block would compress.
  const base64 = () =>
    Buffer.from(
      randomBytes(24 * 1024)
        .toString('base64')
        .replace(/(.{76})/g, '$1\r\n'),
    );
  const text = () => Buffer.from('INFO request handled in 12 ms for /api/v1/recordings by the gateway\r\n'.repeat(400));
  const sent: Buffer[] = [];
  const send = async (make: () => Buffer, bytes: number) => {
    for (let total = 0; total < bytes;) {
      const data = make();
      total += data.length;
      log.append('o', data);
      log.flushWrites();
      sent.push(data);
      // Let each seal finish, as a live session's pace does, so the choice sees every chunk.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  await send(base64, 12 * CHUNK_BYTES);
  await send(text, 12 * CHUNK_BYTES);
  await log.finish();

  const chunks = await store.listChunks(id);
  const ratios = chunks.map((chunk) => chunk.storedBytes / chunk.rawBytes);
  // Base64: most chunks kept as they are (a header more), one in eight compressed to look.
  const base64Ratios = ratios.slice(1, 12);
  expect(base64Ratios.filter((ratio) => ratio > 1).length).toBeGreaterThanOrEqual(9);
  // Text: compressed again within a few chunks.
  expect(ratios.slice(-3).every((ratio) => ratio < 0.1)).toBe(true);
  const stored = await storedEvents(store, id);
  expect(Buffer.concat(stored.map((event) => event.data)).equals(Buffer.concat(sent))).toBe(true);
}, 60_000);
