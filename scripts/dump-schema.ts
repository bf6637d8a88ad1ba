// Regenerates db/schema.sql: migrates a throwaway database with dbmate and dumps it.
// Run after adding a migration: `bun run db:dump` (needs pg_dump on PATH).
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedPostgres } from '../src/db/embedded';
import { runDbmate } from '../src/db/migrate';

if (import.meta.main) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pawtimation-dump-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  try {
    await pg.createDatabase('schema_dump');
    await runDbmate(pg.url('schema_dump'), ['--wait', 'up']);
    console.log('db/schema.sql regenerated');
  } finally {
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
