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
  holds: HoldView[];
  /** Whether the owner may delete it now (the setting allows it and no hold covers it). */
  ownerMayDelete: boolean;
};
