import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordings } from './recording-schema';

/**
 * The installation's recording-signing keys, public halves only (the private key lives in the
 * data directory or PORTHOLE_SIGNING_KEY, never here). Rotation keeps old keys, so a recording
 * signed years ago still verifies against the published list.
 */
export const signingKeys = pgTable('signing_keys', {
  /** Short hash of the public key (server/recording/signing/key-id.ts). */
  keyId: text('key_id').primaryKey(),
  publicKeyPem: text('public_key_pem').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when another key took over signing; the key still verifies what it signed. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/**
 * A sealed recording's signature: Ed25519 over its manifest (id, chunk count, chain head,
 * start and end), written once at seal. Apart from `recordings` so the seal path adds a row
 * instead of widening the table every list query reads.
 */
export const recordingSignatures = pgTable(
  'recording_signatures',
  {
    recordingId: uuid('recording_id')
      .primaryKey()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    keyId: text('key_id')
      .notNull()
      .references(() => signingKeys.keyId),
    /** The exact manifest bytes signed (canonical JSON), kept so a bundle carries what was signed. */
    manifest: text('manifest').notNull(),
    /** Base64 of the 64-byte Ed25519 signature. */
    signature: text('signature').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recording_signatures_key_idx').on(t.keyId)],
);

export type SigningKeyRow = typeof signingKeys.$inferSelect;
export type RecordingSignature = typeof recordingSignatures.$inferSelect;
