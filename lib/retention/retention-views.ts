/** What the retention pages show: plain data, safe to pass to client components. */

export type HoldView = {
  id: string;
  scope: 'recording' | 'user' | 'resource';
  targetId: string;
  /** The recording's resource and owner, the user's name, or the resource's name. */
  targetLabel: string;
  reason: string;
  placedByName: string | null;
  placedAt: string;
  liftedByName: string | null;
  liftedAt: string | null;
  liftReason: string | null;
};

export type RecordingRetention = {
  /** Days kept after the end; 0 = forever. */
  days: number;
  /** Whether the days come from the resource or the installation's default. */
  source: 'resource' | 'default';
  /** When the purge job removes it (ISO); null when kept forever or while held. */
  deletesAt: string | null;
  /** Whether a legal hold keeps it (whoever asks). */
  isHeld: boolean;
  /** The holds on it: for auditors and admins only, empty for anyone else. */
  holds: HoldView[];
  /** Whether the owner may delete it now (the setting allows it and no hold covers it). */
  ownerMayDelete: boolean;
};

/** One group of recordings: a resource, a user, or a single recording in the purge sample. */
export type StorageRow = {
  /** The resource's, user's or recording's id; null for a deleted resource or a total. */
  key: string | null;
  label: string;
  count: number;
  /** Bytes the store holds (compressed chunks and keyframes). */
  bytes: number;
  /** When the oldest started (ISO). */
  oldest: string | null;
};

export type StorageReport = {
  defaultDays: number;
  total: StorageRow;
  byResource: StorageRow[];
  byUser: StorageRow[];
  /** What the purge job would remove if it ran now, and the oldest 20 of them. */
  nextPurge: StorageRow & { sample: StorageRow[] };
};
