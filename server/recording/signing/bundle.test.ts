import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { recordingSignatures } from '@/db/signing-schema';
import { keyIdOf } from '@/server/crypto/signing-key';
import { describeEachDriver } from '@/test/db-drivers';
import { rejectsWith } from '@/test/app-error';
import { setTestEnv } from '@/test/env';
import { makeUser } from '@/test/factories';
import { readTar, verifyBundle } from '@/scripts/verify-recording.mjs';
import { listSigningKeys } from './list-signing-keys';
import { signRecording } from './sign-recording';
import { downloadBundle, recordingRows, runVerifier, sealedRecording, writeBundle } from './testing/bundles';

const pemOf = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

/** The bundle's entries in order, to tamper with and write back. */
const entriesOf = (bundle: Buffer) => [...readTar(bundle).entries()];
const chunk = (seq: number) => `chunks/${String(seq).padStart(8, '0')}.phc`;

function edit(bundle: Buffer, change: (files: Map<string, Buffer>) => void): Buffer {
  const files = new Map(entriesOf(bundle));
  change(files);
  return writeBundle([...files.entries()]);
}

async function signedBundle(store: 'file' | 'postgres') {
  const { actor } = await makeUser();
  const id = await sealedRecording(actor, store);
  await signRecording(id);
  return { actor, id, bundle: await downloadBundle(actor, id) };
}

describeEachDriver('signed recording bundles', () => {
  for (const store of ['file', 'postgres'] as const) {
    it(`exports a sealed recording that verifies offline, and the export is audited [${store} store]`, async () => {
      const { actor, id, bundle } = await signedBundle(store);
      const files = readTar(bundle);
      expect([...files.keys()].filter((name) => name.startsWith('chunks/'))).toEqual([chunk(0), chunk(1), chunk(2), chunk(3)]);
      const result = await runVerifier(bundle);
      expect(result.stdout).toMatch(/^OK: 4 chunks, signed by [0-9a-f]{16}\n/);
      expect(result.code).toBe(0);
      const audit = await db().select().from(auditEvents).where(eq(auditEvents.targetId, id));
      expect(audit.map((event) => [event.action, event.actorId, (event.data as { format?: string }).format])).toContainEqual([
        'recording.export',
        actor.id,
        'bundle',
      ]);
    });
  }

  it('names the chunk whose bytes changed', async () => {
    const { bundle } = await signedBundle('file');
    const tampered = edit(bundle, (files) => {
      const bytes = Buffer.from(files.get(chunk(2))!);
      bytes[bytes.length - 5]! ^= 0x01;
      files.set(chunk(2), bytes);
    });
    expect(await runVerifier(tampered)).toMatchObject({ code: 1, stdout: 'FAILED: chunk 2: hash mismatch\n' });
  });

  it('finds a changed chunk even when its listed hash was changed to match', async () => {
    const { bundle } = await signedBundle('postgres');
    const tampered = edit(bundle, (files) => {
      const bytes = Buffer.from(files.get(chunk(1))!);
      bytes[bytes.length - 1]! ^= 0x01;
      files.set(chunk(1), bytes);
      files.delete('chunks.json');
    });
    expect((await runVerifier(tampered)).stdout).toBe('FAILED: chain broken between 1 and 2\n');
  });

  it('detects reordered chunks', async () => {
    const { bundle } = await signedBundle('file');
    const swapped = edit(bundle, (files) => {
      const [one, two] = [files.get(chunk(1))!, files.get(chunk(2))!];
      files.set(chunk(1), two);
      files.set(chunk(2), one);
      files.delete('chunks.json');
    });
    expect(await runVerifier(swapped)).toMatchObject({ code: 1, stdout: 'FAILED: chain broken between 0 and 1\n' });
    // With the index left as it was, the first swapped chunk no longer matches its hash.
    const withIndex = edit(bundle, (files) => {
      const [one, two] = [files.get(chunk(1))!, files.get(chunk(2))!];
      files.set(chunk(1), two);
      files.set(chunk(2), one);
    });
    expect((await verifyBundle(withIndex)).ok).toBe(false);
  });

  it('detects a dropped chunk, and a dropped last chunk with the chain otherwise intact', async () => {
    const { bundle } = await signedBundle('file');
    expect(await runVerifier(edit(bundle, (files) => files.delete(chunk(2))))).toMatchObject({ code: 1, stdout: 'FAILED: chunk 2 missing\n' });
    expect(await runVerifier(edit(bundle, (files) => files.delete(chunk(3))))).toMatchObject({ code: 1, stdout: 'FAILED: chunk 3 missing\n' });
  });

  it('rejects an edited manifest, even one that would match the chunks left', async () => {
    const { bundle } = await signedBundle('file');
    const shortened = edit(bundle, (files) => {
      const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { chunkCount: number; headHash: string };
      const index = JSON.parse(files.get('chunks.json')!.toString()) as { hash: string }[];
      files.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, chunkCount: 3, headHash: index[2]!.hash })));
      files.delete(chunk(3));
    });
    expect(await runVerifier(shortened)).toMatchObject({ code: 1, stdout: 'FAILED: signature invalid\n' });
  });

  it('rejects a signature made by another key, and a swapped key unless it is the one pinned with --key', async () => {
    const { bundle } = await signedBundle('file');
    const realKey = readTar(bundle).get('public-key.pem')!.toString();
    const other = generateKeyPairSync('ed25519');
    const otherPem = other.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const resign = (files: Map<string, Buffer>, manifest: Buffer) =>
      files.set('manifest.sig', Buffer.from(sign(null, manifest, other.privateKey).toString('base64')));

    const wrongSigner = edit(bundle, (files) => resign(files, files.get('manifest.json')!));
    expect(await runVerifier(wrongSigner)).toMatchObject({ code: 1, stdout: 'FAILED: signature invalid\n' });

    // A forger re-signs with their own key and bundles it: consistent in itself…
    const swapped = edit(bundle, (files) => {
      const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Record<string, unknown>;
      const forged = Buffer.from(JSON.stringify({ ...manifest, keyId: keyIdOf(other.publicKey) }));
      files.set('manifest.json', forged);
      resign(files, forged);
      files.set('public-key.pem', Buffer.from(otherPem));
    });
    expect((await runVerifier(swapped)).code).toBe(0);
    // …so the installation's key, pinned, is what catches it.
    expect(await runVerifier(swapped, ['--key', realKey])).toMatchObject({ code: 1, stdout: `FAILED: key not trusted: ${keyIdOf(other.publicKey)}\n` });
    expect(await runVerifier(bundle, ['--key', realKey])).toMatchObject({ code: 0 });
  });

  it('keeps old keys after a rotation: a recording signed by the old key still verifies against the published list', async () => {
    const { actor } = await makeUser();
    const [first, second] = [generateKeyPairSync('ed25519').privateKey, generateKeyPairSync('ed25519').privateKey];
    setTestEnv({ PORTHOLE_SIGNING_KEY: pemOf(first) });
    const old = await sealedRecording(actor, 'file', 2);
    await signRecording(old);
    setTestEnv({ PORTHOLE_SIGNING_KEY: pemOf(second) });
    const recent = await sealedRecording(actor, 'postgres', 2);
    await signRecording(recent);

    const published = await listSigningKeys();
    const [firstId, secondId] = [keyIdOf(createPublicKey(first)), keyIdOf(createPublicKey(second))];
    expect(published.current).toBe(secondId);
    expect(published.keys.map((key) => [key.keyId, key.retiredAt === null])).toEqual([
      [firstId, false],
      [secondId, true],
    ]);

    const signatures = await db().select().from(recordingSignatures);
    expect(new Map(signatures.map((row) => [row.recordingId, row.keyId]))).toEqual(
      new Map([
        [old, firstId],
        [recent, secondId],
      ]),
    );
    const trusted = JSON.stringify(published);
    for (const [id, keyId] of [
      [old, firstId],
      [recent, secondId],
    ] as const) {
      const result = await runVerifier(await downloadBundle(actor, id), ['--key', trusted]);
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toContain(`signed by ${keyId}`);
    }
  });

  it('refuses a bundle of a recording still being written, or never signed', async () => {
    const { actor } = await makeUser();
    const live = await recordingRows(actor, 'file', 'active');
    expect((await rejectsWith(downloadBundle(actor, live), 'CONFLICT')).userMessage).toMatch(/still being written/);
    const unsigned = await sealedRecording(actor, 'file', 1);
    expect((await rejectsWith(downloadBundle(actor, unsigned), 'CONFLICT')).userMessage).toMatch(/no signature/);
    const { actor: stranger } = await makeUser();
    await signRecording(unsigned);
    await rejectsWith(downloadBundle(stranger, unsigned), 'NOT_FOUND');
  });
});
