// Schema changes go through dbmate only, for the server, the tests and operators alike.
import { resolveBinary } from 'dbmate';
import { join } from 'node:path';
import { connect } from './client';

export const MIGRATIONS_DIR = join(import.meta.dir, '..', '..', 'db', 'migrations');
export const SCHEMA_FILE = join(import.meta.dir, '..', '..', 'db', 'schema.sql');

/** dbmate talks to local servers without TLS unless the URL says otherwise */
export function dbmateUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has('sslmode')) url.searchParams.set('sslmode', 'disable');
  return url.toString();
}

export async function runDbmate(databaseUrl: string, args: string[], schemaFile = SCHEMA_FILE): Promise<string> {
  const proc = Bun.spawn(
    [resolveBinary(), '--url', dbmateUrl(databaseUrl), '--migrations-dir', MIGRATIONS_DIR, '--schema-file', schemaFile, ...args],
    { stdout: 'pipe', stderr: 'pipe' },
  );
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`dbmate ${args.join(' ')} failed (exit ${code}): ${err.trim() || out.trim()}`);
  return out;
}

const DATABASE_MISSING = '3D000';

/**
 * waits for the database (up to waitSeconds), then applies pending migrations under a Postgres
 * advisory lock: dbmate takes none, and two instances migrating one empty database at once would
 * both run the first migration and one of them would fail.
 */
export async function migrate(databaseUrl: string, waitSeconds = 60): Promise<string> {
  await runDbmate(databaseUrl, ['--wait', '--wait-timeout', `${waitSeconds}s`, 'wait']);
  const lockHolder = connect(databaseUrl, { max: 1 });
  try {
    await lockHolder.q.system.migrationLock();
  } catch (e) {
    await lockHolder.close();
    // dbmate up creates a missing database; nothing else can be using it yet
    if ((e as { code?: string }).code === DATABASE_MISSING) return runDbmate(databaseUrl, ['--no-dump-schema', 'up']);
    throw e;
  }
  try {
    return await runDbmate(databaseUrl, ['--no-dump-schema', 'up']);
  } finally {
    await lockHolder.close(); // ends the session, which releases the lock
  }
}
