import { openMysql } from '../connectors/mysql/open-mysql';
import { openPostgres } from '../connectors/postgres/open-postgres';
import type { SqlConnection, SqlTarget } from '../connectors/sql/sql-connection';

export type OpenSqlConnection = (target: SqlTarget) => Promise<SqlConnection>;

/** Picks the driver for a dialect. */
export const openSqlConnection: OpenSqlConnection = (target) => (target.dialect === 'postgres' ? openPostgres(target) : openMysql(target));
