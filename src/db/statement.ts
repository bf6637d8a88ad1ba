// One handwritten SQL file = one statement, loaded once at startup and run as a prepared statement.
// one/many/exec give it its parameter and row types; the registry in ./queries pairs files with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type postgres from 'postgres';

export const SQL_ROOT = join(import.meta.dir, '..', '..', 'sql');

export type Executor = postgres.Sql<{}> | postgres.TransactionSql<{}>;

type Param = string | number | boolean | null | Date | readonly unknown[] | Record<string, unknown>;

export interface Statement<A extends readonly unknown[], R> {
  readonly file: string;
  readonly text: string;
  run(ex: Executor, args: A): Promise<R>;
}

const loaded = new Map<string, string>();

/** Files registered so far (the registry test compares this with the sql/ tree). */
export const registeredFiles = (): ReadonlySet<string> => new Set(loaded.keys());

function load(file: string): string {
  if (loaded.has(file)) throw new Error(`sql/${file}.sql is registered twice`);
  const text = readFileSync(join(SQL_ROOT, `${file}.sql`), 'utf8');
  loaded.set(file, text);
  return text;
}

function execute(ex: Executor, text: string, args: readonly unknown[]) {
  return ex.unsafe(text, args.map(toParam) as never[], { prepare: true });
}

// postgres.js sends JS objects and arrays of objects as json when the column is json/jsonb;
// plain arrays of scalars map to Postgres arrays.
function toParam(v: unknown): Param {
  return v === undefined ? null : (v as Param);
}

/** a statement returning at most one row: Row | null */
export function one<A extends readonly unknown[], R>(file: string): Statement<A, R | null> {
  const text = load(file);
  return { file, text, run: async (ex, args) => ((await execute(ex, text, args))[0] as R) ?? null };
}

/** a statement returning rows: Row[] */
export function many<A extends readonly unknown[], R>(file: string): Statement<A, R[]> {
  const text = load(file);
  return { file, text, run: async (ex, args) => (await execute(ex, text, args)) as unknown as R[] };
}

/** a statement run for its effect: resolves to the number of rows it touched */
export function exec<A extends readonly unknown[]>(file: string): Statement<A, number> {
  const text = load(file);
  return { file, text, run: async (ex, args) => (await execute(ex, text, args)).count };
}

type Bound<T> = {
  [K in keyof T]: T[K] extends Statement<infer A, infer R> ? (...args: A) => Promise<R> : Bound<T[K]>;
};

export function bind<T extends Record<string, unknown>>(statements: T, ex: Executor): Bound<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(statements)) {
    out[key] = isStatement(value)
      ? (...args: unknown[]) => value.run(ex, args)
      : bind(value as Record<string, unknown>, ex);
  }
  return out as Bound<T>;
}

function isStatement(v: unknown): v is Statement<unknown[], unknown> {
  return typeof v === 'object' && v !== null && 'run' in v && 'text' in v;
}

export type BoundStatements<T> = Bound<T>;
