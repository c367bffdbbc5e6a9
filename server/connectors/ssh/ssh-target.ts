/** Everything needed to reach one SSH target; built right before connecting, never cached. */
export type SshTarget = {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
  /** The pinned `SHA256:` fingerprint; null means not confirmed, and connecting is refused. */
  hostKeyFingerprint: string | null;
};
