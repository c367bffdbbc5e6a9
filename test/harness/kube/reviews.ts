/**
 * SelfSubjectRulesReview / SelfSubjectAccessReview answers from the harness's `allowed` scope:
 * pods (get, list) and pods/exec (create, get) in the allowed namespaces (all when unset), and
 * namespaces (get, list) only when unrestricted, as a namespaced Role cannot grant those.
 * The harness reports this scope; it does not refuse requests outside it.
 */

export type AllowedScope = { namespaces?: string[] };

type Rule = { verbs: string[]; apiGroups: string[]; resources: string[] };

const reviewRules: Rule = { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] };

function rulesFor(allowed: AllowedScope, namespace: string): Rule[] {
  const unrestricted = allowed.namespaces === undefined;
  // An empty namespace asks about all namespaces at once: only an unrestricted token has that.
  const inScope = unrestricted || (namespace !== '' && allowed.namespaces!.includes(namespace));
  const rules: Rule[] = [reviewRules];
  if (inScope) {
    rules.push({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }, { verbs: ['create', 'get'], apiGroups: [''], resources: ['pods/exec'] });
  }
  if (unrestricted) rules.push({ verbs: ['get', 'list'], apiGroups: [''], resources: ['namespaces'] });
  return rules;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function rulesReview(body: unknown, allowed: AllowedScope) {
  const namespace = text(field(field(body, 'spec'), 'namespace'));
  return {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { namespace },
    status: {
      resourceRules: rulesFor(allowed, namespace),
      nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'] }],
      incomplete: false,
    },
  };
}

function isAllowed(allowed: AllowedScope, attributes: unknown): boolean {
  const namespace = text(field(attributes, 'namespace'));
  const group = text(field(attributes, 'group'));
  const verb = text(field(attributes, 'verb'));
  const subresource = text(field(attributes, 'subresource'));
  const resource = text(field(attributes, 'resource')) + (subresource ? `/${subresource}` : '');
  return rulesFor(allowed, namespace).some((rule) => rule.apiGroups.includes(group) && rule.resources.includes(resource) && rule.verbs.includes(verb));
}

export function accessReview(body: unknown, allowed: AllowedScope) {
  const spec = field(body, 'spec');
  const attributes = field(spec, 'resourceAttributes');
  const permitted = attributes !== undefined && isAllowed(allowed, attributes);
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: permitted ? { allowed: true, reason: 'allowed by the harness scope' } : { allowed: false, reason: 'outside the harness scope' },
  };
}
