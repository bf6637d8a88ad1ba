// One PostgreSQL server per test run: TEST_DATABASE_URL's server, or an embedded one.
// A template database is migrated by dbmate and seeded once; every test file gets its own copy.
import postgres from 'postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Db } from '../../src/db/client';
import { freePort, startEmbeddedPostgres } from '../../src/db/embedded';
import { migrate } from '../../src/db/migrate';
import { seedIfEmpty } from '../../src/db/seed';

const TEMPLATE = 'pawtimation_test_template';

interface Cluster {
  url(database: string): string;
  stop(): Promise<void>;
}

let cluster: Promise<Cluster> | null = null;
let template: Promise<void> | null = null;

async function startCluster(): Promise<Cluster> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    const base = new URL(given);
    return {
      url: (database) => Object.assign(new URL(base), { pathname: `/${database}` }).toString(),
      stop: async () => {},
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pawtimation-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const getCluster = () => (cluster ??= startCluster());

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres((await getCluster()).url('postgres'), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

async function buildTemplate() {
  const c = await getCluster();
  await admin(async (sql) => {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`);
    await sql.unsafe(`CREATE DATABASE "${TEMPLATE}"`);
  });
  await migrate(c.url(TEMPLATE));
  const db = connect(c.url(TEMPLATE), { max: 1 });
  await seedIfEmpty(db);
  await db.close();
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;

/** An empty database (nothing migrated): for tests of migrations and startup. */
export async function emptyDatabase(): Promise<string> {
  const name = uniqueName('empty');
  await admin((sql) => sql.unsafe(`CREATE DATABASE "${name}"`));
  return (await getCluster()).url(name);
}

/** A fresh database with every migration applied and the demo seed, as production starts. */
export async function seededDatabaseUrl(): Promise<string> {
  await (template ??= buildTemplate());
  const name = uniqueName('t');
  await admin((sql) => sql.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`));
  return (await getCluster()).url(name);
}

export async function seededDatabase(): Promise<{ url: string; db: Db }> {
  const url = await seededDatabaseUrl();
  return { url, db: connect(url) };
}

export async function stopCluster() {
  if (cluster) await (await cluster).stop();
  cluster = null;
  template = null;
}
