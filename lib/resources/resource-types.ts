/**
 * The kinds of resource Porthole relays to. Shared by the schema, the server and the browser,
 * so a new kind is added here once and every label, icon and form follows.
 */
export const RESOURCE_TYPES = ['ssh', 'postgres', 'mysql', 'kubernetes', 'http'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const RESOURCE_TYPE_LABELS: Record<ResourceType, string> = {
  ssh: 'SSH',
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  kubernetes: 'Kubernetes',
  http: 'HTTP API',
};
