import type { SqlServerMessage } from '@/lib/protocol/sql-protocol';
import type { SqlConnection } from '../connectors/sql/sql-connection';
import type { CellMasker } from '../sql/cell-masker';
import type { EffectiveSqlSettings } from '../sql/get-sql-settings';
import type { SqlSessionRecorder } from '../sql/sql-session-recorder';

/** What one statement run needs of its SQL session: its connection, recorder, masker and settings, and its way to the browser. */
export type StatementRun = {
  sessionId: string;
  connection: SqlConnection;
  recorder: SqlSessionRecorder;
  masker: CellMasker;
  settings: EffectiveSqlSettings;
  /** `recording_only` masking: the engineer sees clear values, the recording keeps masked ones. */
  isMaskingShown: () => boolean;
  isEnded: () => boolean;
  isTimedOut: () => boolean;
  markTimedOut: () => void;
  /** The statement running now, so a notice is filed under it. */
  setStatementNow: (at: { id: string; index: number } | undefined) => void;
  send: (message: SqlServerMessage) => void;
  sendRows: (id: string, index: number, rows: (string | null)[][], masked: number[]) => void;
  waitForRoom: () => Promise<void>;
};
