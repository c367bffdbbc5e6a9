/** What a replica child process tells the test that started it. */
export type ReplicaChildMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; value?: unknown; error?: string }
  | { type: 'stream'; userId: string; event: string; data: unknown }
  | { type: 'job-running' };
