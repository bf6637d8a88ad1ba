import postgres from 'postgres';
import { bindQueries, type Queries } from './queries';
import type { Executor } from './statement';

export type Sql = postgres.Sql<{}>;
export type TxSql = postgres.TransactionSql<{}>;

export interface Db {
  sql: Sql;
  /** every registered statement, bound to the pool */
  q: Queries;
  /** runs fn in one transaction; q inside is bound to that transaction */
  tx<T>(fn: (q: Queries, sql: TxSql) => Promise<T>): Promise<T>;
  close(timeoutSeconds?: number): Promise<void>;
}

export interface DbOptions {
  max?: number;
  connectTimeoutSeconds?: number;
}

export function connect(url: string, options: DbOptions = {}): Db {
  const sql = postgres(url, {
    max: options.max ?? 8,
    idle_timeout: 30,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    transform: { undefined: null },
    connection: { TimeZone: 'UTC', application_name: 'pawtimation-api' },
    onnotice: () => {},
  }) as Sql;
  return {
    sql,
    q: bindQueries(sql),
    tx: (fn) => sql.begin((tx) => fn(bindQueries(tx as unknown as Executor), tx)) as Promise<never>,
    close: (timeout = 5) => sql.end({ timeout }),
  };
}
