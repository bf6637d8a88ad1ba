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

/**
 * Pool size: the API and PostgreSQL share 2 cores, so more than a few statements running at once only
 * queue on the CPU; 6 keeps both cores busy while one connection waits on a commit or a long list.
 */
const POOL_MAX = 6;

/**
 * Session settings for every connection (bench/README.md shows the plans they change):
 * - work_mem: the 14 MB admin booking list is sorted and aggregated in memory instead of on disk;
 * - random_page_cost: the data is cached (SSD or RAM), so an index probe is not 4x a sequential read;
 *   at the default the planner seq-scans dogs and jobs inside per-row subqueries;
 * - jit: compiling a plan costs more than these short statements save from it.
 */
export const SESSION = { work_mem: '32MB', random_page_cost: '1.1', jit: 'off' };

export function connect(url: string, options: DbOptions = {}): Db {
  const sql = postgres(url, {
    max: options.max ?? POOL_MAX,
    idle_timeout: 30,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    transform: { undefined: null },
    connection: { TimeZone: 'UTC', application_name: 'pawtimation-api', ...SESSION },
    onnotice: () => {},
  }) as Sql;
  return {
    sql,
    q: bindQueries(sql),
    tx: (fn) => sql.begin((tx) => fn(bindQueries(tx as unknown as Executor), tx)) as Promise<never>,
    close: (timeout = 5) => sql.end({ timeout }),
  };
}
