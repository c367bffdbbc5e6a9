/**
 * Classes of risky SQL and what a resource's policy does with each. Shared by the gateway
 * (judging statements), the admin form and the review screens.
 */
export const RISK_CLASSES = ['ddl', 'truncate', 'unbounded_write', 'privileges', 'opaque', 'other'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export const POLICY_ACTIONS = ['allow', 'review', 'block'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export type SqlPolicy = Record<RiskClass, PolicyAction>;

export const RISK_CLASS_LABELS: Record<RiskClass, { name: string; description: string }> = {
  ddl: { name: 'Schema changes', description: 'CREATE, ALTER, DROP, RENAME, COMMENT, SELECT INTO' },
  truncate: { name: 'TRUNCATE', description: 'Emptying whole tables' },
  unbounded_write: { name: 'DELETE / UPDATE without WHERE', description: 'Writes to every row of a table' },
  privileges: { name: 'Privileges', description: 'GRANT, REVOKE, roles and users, SET ROLE' },
  opaque: { name: 'Opaque or unparseable', description: 'Statements the parser cannot read, DO blocks, procedures, COPY, admin functions' },
  other: { name: 'Everything else', description: 'SELECT, INSERT, UPDATE/DELETE with WHERE, transactions, SET' },
};

export const DEFAULT_SQL_POLICY: SqlPolicy = {
  ddl: 'review',
  truncate: 'review',
  unbounded_write: 'review',
  privileges: 'block',
  opaque: 'review',
  other: 'allow',
};

const STRICTNESS: Record<PolicyAction, number> = { allow: 0, review: 1, block: 2 };

export function strictest(actions: readonly PolicyAction[]): PolicyAction {
  return actions.reduce<PolicyAction>((worst, action) => (STRICTNESS[action] > STRICTNESS[worst] ? action : worst), 'allow');
}
