import { RISK_CLASS_LABELS, strictest, type PolicyAction, type RiskClass, type SqlPolicy } from '@/lib/sql/risk-classes';
import type { ClassifiedStatement } from './classify-script';
import type { SqlDialect } from '../connectors/sql/sql-connection';

export type SessionRules = { policy: SqlPolicy; isReadOnly: boolean; statementTimeoutMs: number };

export type JudgedStatement = ClassifiedStatement & { action: PolicyAction; reasons: string[] };

export type Verdict = {
  /** For the whole submission: one blocked statement blocks it, one held statement holds it. */
  action: PolicyAction;
  statements: JudgedStatement[];
  /** One sentence for the user when the action is not `allow`. */
  reason: string;
  /**
   * PostgreSQL only: a statement its own parser rejects would fail on the server too, so the
   * submission is refused with the parser's error and position instead of going to review.
   */
  syntaxError: { index: number; message: string; position: number | null } | null;
};

const VERBS: Record<PolicyAction, { one: string; many: string }> = {
  allow: { one: 'is allowed', many: 'are allowed' },
  review: { one: 'needs review', many: 'need review' },
  block: { one: 'is blocked', many: 'are blocked' },
};
/** Risk classes whose names are plural nouns ("Schema changes need review"). */
const PLURAL_NAMES: ReadonlySet<RiskClass> = new Set(['ddl', 'privileges']);

/**
 * Applies a resource's policy to classified statements. A submission is judged as a whole,
 * statement by statement: nothing runs while any part of it is held or blocked, so
 * `SELECT 1; DROP TABLE t` does not run its first half.
 */
export function judgeScript(statements: ClassifiedStatement[], rules: SessionRules, dialect: SqlDialect): Verdict {
  const judged = statements.map((statement): JudgedStatement => {
    const actions: PolicyAction[] = [];
    const reasons: string[] = [];
    for (const riskClass of statement.classes) {
      const action = rules.policy[riskClass];
      actions.push(action);
      if (action !== 'allow')
        reasons.push(`${RISK_CLASS_LABELS[riskClass].name} ${VERBS[action][PLURAL_NAMES.has(riskClass) ? 'many' : 'one']} on this resource`);
    }
    if (statement.overrides.includes('read_only') && rules.isReadOnly) {
      actions.push('block');
      reasons.push('This console is read-only; statements that change the transaction mode are blocked');
    }
    if (statement.overrides.includes('timeout') && rules.statementTimeoutMs > 0) {
      actions.push('block');
      reasons.push("Statements that change the resource's time limit are blocked");
    }
    if (!statement.isParsed && statement.parseError) reasons.push(`The parser could not read it (${statement.parseError})`);
    return { ...statement, action: strictest(actions), reasons };
  });
  const action = strictest(judged.map((statement) => statement.action));
  const unparsed = dialect === 'postgres' ? judged.findIndex((statement) => !statement.isParsed) : -1;
  const syntaxError =
    unparsed >= 0
      ? {
          index: unparsed,
          message: `Syntax error: ${judged[unparsed]!.parseError ?? 'the statement cannot be parsed'}`,
          position: judged[unparsed]!.parsePosition,
        }
      : null;
  return {
    action: syntaxError ? 'block' : action,
    statements: judged,
    reason: syntaxError ? `${syntaxError.message}. Nothing was run.` : action === 'allow' ? '' : describe(judged, action),
    syntaxError,
  };
}

function describe(statements: JudgedStatement[], action: PolicyAction): string {
  const culprits = statements.map((statement, index) => ({ statement, index })).filter(({ statement }) => statement.action === action);
  const first = culprits[0]!;
  const which = statements.length > 1 ? `Statement ${first.index + 1} (${preview(first.statement.text)})` : preview(first.statement.text);
  const more = culprits.length > 1 ? ` and ${culprits.length - 1} more` : '';
  const why = first.statement.reasons.find((r) => !r.startsWith('The parser')) ?? first.statement.reasons[0] ?? '';
  // The reason is read by the requester and by the approver deciding it, so a held one says
  // only what is true for both; the console adds "Waiting for review" for the requester.
  const outcome = action === 'block' ? ' Nothing was run.' : '';
  return `${which}${more}: ${why}.${outcome}`;
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
