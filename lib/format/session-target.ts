/** The pod a Kubernetes session opened; null for the other kinds (one target per resource). */
export type SessionTargetLike = { namespace: string; pod: string; container: string } | null | undefined;

/**
 * The one way a session's pod reads everywhere (terminal bar, lists, replay): `web/api-7f9c · app`.
 * Empty for a session without a target.
 */
export function formatSessionTarget(target: SessionTargetLike): string {
  if (!target) return '';
  return `${target.namespace}/${target.pod} · ${target.container}`;
}
