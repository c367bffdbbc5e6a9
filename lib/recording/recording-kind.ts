/**
 * What a recording holds follows from its resource: a SQL console records statements and
 * results, a terminal records bytes. Lists, the replay page and exports describe each by kind.
 */
export const RECORDING_KINDS = ['terminal', 'sql', 'http'] as const;
export type RecordingKind = (typeof RECORDING_KINDS)[number];

export function recordingKindOf(resourceType: string): RecordingKind {
  if (resourceType === 'postgres' || resourceType === 'mysql') return 'sql';
  // A Kubernetes exec is a terminal like SSH; an HTTP console records exchanges.
  return resourceType === 'http' ? 'http' : 'terminal';
}
