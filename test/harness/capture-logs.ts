import { setLogDestination } from '@/server/log/logger';

export type CapturedLogs = {
  /** Parsed lines written since capture began. */
  entries(): { level: string; msg: string; [key: string]: unknown }[];
  /** Back to stdout. */
  restore(): void;
};

/** Sends the logger's lines to memory (server/log/logger.ts), for tests that check what was logged. */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  setLogDestination({ write: (line: string) => void lines.push(line) });
  return {
    entries: () => lines.map((line) => JSON.parse(line) as { level: string; msg: string }),
    restore: () => setLogDestination(undefined),
  };
}
