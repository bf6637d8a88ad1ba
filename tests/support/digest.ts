// One md5 over every table's rows, so a test can assert that a request wrote nothing anywhere.
import type { Db } from '../../src/db/client';

const queries = new WeakMap<Db, string>();

export async function databaseDigest(db: Db): Promise<string> {
  let query = queries.get(db);
  if (!query) {
    const tables = await db.sql<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`;
    query = `SELECT md5(${tables
      .map(({ tablename }) => `(SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM "${tablename}" t)`)
      .join(' || ')}) AS h`;
    queries.set(db, query);
  }
  const [row] = await db.sql.unsafe(query);
  return row.h as string;
}
