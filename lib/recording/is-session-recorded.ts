/**
 * Whether a session has (or will have) a recording. Until it connects it follows its
 * resource's setting as it is now, because the gateway decides as the session connects;
 * from then on, what the gateway decided (kept on the session row).
 */
export function isSessionRecorded(session: { status: string; isRecorded: boolean }, resource?: { recording: 'on' | 'off' }): boolean {
  if (session.status === 'pending' && resource) return resource.recording !== 'off';
  return session.isRecorded;
}
