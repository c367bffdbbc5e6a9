import { ConnectorError } from '../connectors/connector-error';
import { mayDo, reviewRules, type KubeRule } from '../connectors/kubernetes/kube-api';
import type { KubeEndpoint } from '../connectors/kubernetes/kube-endpoint';
import { isTlsVerifyError, KubeApiError } from '../connectors/kubernetes/kube-errors';
import { AppError } from '../errors/app-error';

export type KubernetesAccessSummary = {
  checkedAt: string;
  namespaces: { name: string; canList: boolean; canExec: boolean }[];
  rules: { verbs: string[]; resources: string[] }[];
};

/** The namespaces a resource's token is checked in: its scope, or `default` when the scope is every namespace. */
export function namespacesToReview(scope: string[]): string[] {
  return scope.length > 0 ? scope : ['default'];
}

/** A review that could not run, as a form error on the field to fix. */
function reviewFailure(error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  const field = error instanceof KubeApiError && (error.status === 401 || error.status === 403) ? 'token' : isTlsVerifyError(error.cause) ? 'tls.ca' : 'apiUrl';
  return new AppError('VALIDATION', { userMessage: error.userMessage, fields: { [field]: [error.userMessage] } });
}

function distinctRules(rules: KubeRule[]): KubernetesAccessSummary['rules'] {
  const seen = new Map<string, { verbs: string[]; resources: string[] }>();
  for (const rule of rules) {
    const entry = { verbs: [...rule.verbs].sort(), resources: [...rule.resources].sort() };
    seen.set(JSON.stringify(entry), entry);
  }
  return [...seen.values()];
}

/**
 * What the token may do in the scope, asked of the API server itself: the rules it lists
 * (SelfSubjectRulesReview, shown to the admin) and, authoritatively, whether it may list pods
 * and create pods/exec (SelfSubjectAccessReview). Connector failures (401, TLS) become form errors.
 */
export async function reviewKubernetesAccess(endpoint: KubeEndpoint, scope: string[]): Promise<KubernetesAccessSummary> {
  try {
    const reviewed = await Promise.all(
      namespacesToReview(scope).map(async (namespace) => {
        const [rules, canList, canExec] = await Promise.all([
          reviewRules(endpoint, namespace),
          mayDo(endpoint, { namespace, verb: 'list', resource: 'pods' }),
          mayDo(endpoint, { namespace, verb: 'create', resource: 'pods', subresource: 'exec' }),
        ]);
        return { namespace: { name: namespace, canList, canExec }, rules };
      }),
    );
    return { checkedAt: new Date().toISOString(), namespaces: reviewed.map((r) => r.namespace), rules: distinctRules(reviewed.flatMap((r) => r.rules)) };
  } catch (error) {
    throw reviewFailure(error);
  }
}

/** Refuses a save whose token cannot do what a session needs in every scoped namespace. */
export function requireSessionAccess(summary: KubernetesAccessSummary): void {
  for (const { name, canList, canExec } of summary.namespaces) {
    const missing = !canList ? `list pods in namespace ${name}` : !canExec ? `exec into pods in namespace ${name} (create pods/exec)` : undefined;
    if (missing) {
      const message = `The token may not ${missing}: grant it to the service account, or narrow the namespaces.`;
      throw new AppError('VALIDATION', { userMessage: message, fields: { token: [message] } });
    }
  }
}

/** The check a save runs: the token works against this CA and may list and exec in the scope. */
export async function checkKubernetesOnSave(endpoint: KubeEndpoint, scope: string[]): Promise<void> {
  requireSessionAccess(await reviewKubernetesAccess(endpoint, scope));
}
