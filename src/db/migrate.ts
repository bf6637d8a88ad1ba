// Schema changes go through dbmate only, for the server, the tests and operators alike.
import { resolveBinary } from 'dbmate';
import { join } from 'node:path';

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

/** waits for the database (up to waitSeconds), then applies pending migrations */
export const migrate = (databaseUrl: string, waitSeconds = 60) =>
  runDbmate(databaseUrl, ['--wait', '--wait-timeout', `${waitSeconds}s`, '--no-dump-schema', 'up']);
