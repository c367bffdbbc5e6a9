/**
 * What a recording holds follows from its resource: a SQL console records statements and
 * results, a terminal records bytes. Lists, the replay page and exports describe each by kind.
 */
export const RECORDING_KINDS = ['terminal', 'sql'] as const;
export type RecordingKind = (typeof RECORDING_KINDS)[number];

export function recordingKindOf(resourceType: string): RecordingKind {
  return resourceType === 'postgres' || resourceType === 'mysql' ? 'sql' : 'terminal';
}
