import type { JudgedStatementView, SqlColumnView } from '@/lib/protocol/sql-protocol';
import type { JudgedStatement } from '../sql/judge-script';
import type { SqlColumn } from '../connectors/sql/sql-connection';

/** `text` and `reasons` (which quote the statement) are given masked or not, per the masking mode; offsets stay those of the script the editor holds. */
function toView(statement: JudgedStatement, index: number, text: string, reasons: string[]): JudgedStatementView {
  return { index, text, start: statement.start, end: statement.end, classes: statement.classes, action: statement.action, reasons };
}

/** The statements as the console shows them: masked, unless the resource masks the recording only. */
export function toStatementViews(statements: JudgedStatement[], isMaskingShown: boolean, mask: (text: string) => string): JudgedStatementView[] {
  return statements.map((statement, index) => {
    if (!isMaskingShown) return toView(statement, index, statement.text, statement.reasons);
    return toView(
      statement,
      index,
      mask(statement.text),
      statement.reasons.map((reason) => mask(reason)),
    );
  });
}

/** The statements as a review stores them: the approver reads the masked text and reasons. */
export function toMaskedReviewStatements(statements: JudgedStatement[], mask: (text: string) => string) {
  return statements.map((s) => ({ text: mask(s.text), classes: s.classes, action: s.action, reasons: s.reasons.map((r) => mask(r)) }));
}

/** What the grid and the recording learn of a field: name, type, whether it has no source column, and whether it is masked whole for reading a masked one. */
export function toColumnViews(columns: readonly SqlColumn[], isMaskedWhole: readonly boolean[]): SqlColumnView[] {
  return columns.map((column, c) => {
    if (column.source !== null) return { name: column.name, type: column.type };
    return isMaskedWhole[c]
      ? { name: column.name, type: column.type, isComputed: true, hasMaskedInput: true }
      : { name: column.name, type: column.type, isComputed: true };
  });
}
