import { describe, expect, it } from 'vitest';
import { classify } from './command-insights';
import type { CommandRow } from './load-insight-rows';

const row = (resourceType: string, text: string): CommandRow => ({
  recordingId: '00000000-0000-4000-8000-000000000001',
  seq: 1,
  t: 1.5,
  text,
  exitCode: 2,
  duration: 0.2,
  failureReason: null,
  rowCount: null,
  errorCode: null,
  startedAt: new Date('2026-12-01T10:00:00Z'),
  resourceId: null,
  resourceName: 'r',
  resourceType,
});

describe('classify', () => {
  it('groups a Kubernetes pod shell’s commands as commands, like SSH, and only databases as SQL', () => {
    expect(classify(row('kubernetes', 'ls -la /tmp'))).toMatchObject({ kind: 'command', isFailed: true });
    expect(classify(row('ssh', 'ls -la /tmp')).kind).toBe('command');
    expect(classify(row('postgres', 'select 1')).kind).toBe('sql');
  });
});
