/**
 * The Kubernetes exec stream protocol (`v5.channel.k8s.io`, `v4.channel.k8s.io`): every
 * WebSocket message is one channel byte followed by that channel's data.
 */
export const EXEC_SUBPROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export const Channel = { stdin: 0, stdout: 1, stderr: 2, status: 3, resize: 4, close: 255 } as const;

export function frame(channel: number, data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([Buffer.from([channel]), body]);
}

export function resizeFrame(cols: number, rows: number): Buffer {
  return frame(Channel.resize, JSON.stringify({ Width: cols, Height: rows }));
}

export type ExecFrame = { channel: number; data: Buffer };

/** Null for an empty message (the API server sends one per channel when a stream opens under v1-v3). */
export function parseFrame(message: Buffer): ExecFrame | null {
  if (message.length === 0) return null;
  return { channel: message[0]!, data: message.subarray(1) };
}

export type ExecStatus = { exitCode: number | null; message: string };

type StatusObject = {
  status?: string;
  reason?: string;
  message?: string;
  details?: { causes?: { reason?: string; message?: string }[] };
};

/**
 * The status channel carries a `Status`: Success is exit code 0; a non-zero exit is a Failure
 * with reason NonZeroExitCode and the code in `details.causes[reason=ExitCode]`; any other
 * Failure (the command could not start) has no exit code.
 */
export function parseExecStatus(data: Buffer): ExecStatus {
  let status: StatusObject;
  try {
    status = JSON.parse(data.toString('utf8')) as StatusObject;
  } catch {
    return { exitCode: null, message: 'The pod sent an unreadable exit status.' };
  }
  if (status.status === 'Success') return { exitCode: 0, message: 'The shell exited with code 0.' };
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  const code = cause?.message !== undefined && /^\d{1,3}$/.test(cause.message) ? Number(cause.message) : null;
  if (code !== null) return { exitCode: code, message: `The shell exited with code ${code}.` };
  return { exitCode: null, message: `The pod ended the command: ${(status.message ?? status.reason ?? 'unknown failure').slice(0, 300)}` };
}
