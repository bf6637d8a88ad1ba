// Every file under sql/ is registered exactly once and PREPAREs against the migrated schema.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { Glob } from 'bun';
import type { Db } from '../src/db/client';
import { statements } from '../src/db/queries';
import { registeredFiles, SQL_ROOT, type Statement } from '../src/db/statement';
import { seededDatabase } from './support/postgres';

let db: Db;
beforeAll(async () => {
  ({ db } = await seededDatabase());
});
afterAll(() => db.close());

function allStatements(node: Record<string, unknown>, out: Statement<unknown[], unknown>[] = []) {
  for (const value of Object.values(node)) {
    if (value && typeof value === 'object' && 'text' in value && 'file' in value) out.push(value as Statement<unknown[], unknown>);
    else if (value && typeof value === 'object') allStatements(value as Record<string, unknown>, out);
  }
  return out;
}

test('every sql/ file is registered once', () => {
  const onDisk = [...new Glob('**/*.sql').scanSync(SQL_ROOT)].map((f) => f.replace(/\.sql$/, '')).sort();
  const registered = [...registeredFiles()].sort();
  expect(registered).toEqual(onDisk);
  const files = allStatements(statements).map((s) => s.file);
  expect(new Set(files).size).toBe(files.length);
  expect(files.sort()).toEqual(onDisk);
});

test('every statement prepares against the migrated schema', async () => {
  const failures: string[] = [];
  for (const [i, s] of allStatements(statements).entries()) {
    try {
      await db.sql.unsafe(`PREPARE registry_check_${i} AS ${s.text}`);
      await db.sql.unsafe(`DEALLOCATE registry_check_${i}`);
    } catch (e) {
      failures.push(`sql/${s.file}.sql: ${(e as Error).message}`);
    }
  }
  expect(failures).toEqual([]);
});

test('every file starts with a header comment naming what it does', () => {
  const bad = allStatements(statements).filter((s) => !s.text.startsWith(`-- ${s.file.split('/').pop()}:`));
  expect(bad.map((s) => s.file)).toEqual([]);
});
