// The database goes away under a running server and comes back: requests fail fast with 503,
// /health says the database is down, and the service recovers without a restart.
import { afterAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded';
import { startServerProcess, type ServerProcess } from './support/server-process';

const dataDir = mkdtempSync(join(tmpdir(), 'pawtimation-outage-'));
let pg: EmbeddedServer | null = null;
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.stop('SIGKILL');
  await pg?.stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

const login = (base: string) =>
  fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.com', password: 'admin123' }),
    // a request that hangs instead of failing fast aborts here and fails the test
    signal: AbortSignal.timeout(10_000),
  });

test('a database outage gives quick 503s and the service recovers by itself', async () => {
  const port = await freePort();
  // persistent: the same data directory is started again after the outage
  pg = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  await pg.createDatabase('outage');
  server = await startServerProcess(pg.url('outage'));
  expect((await login(server.base)).status).toBe(200);

  await pg.stop();
  const during = await login(server.base);
  expect(during.status).toBe(503);
  expect(await during.json()).toEqual({ error: 'Service unavailable' });
  const health = await fetch(`${server.base}/health`);
  expect(health.status).toBe(503);
  expect(((await health.json()) as { database: string }).database).toBe('down');

  pg = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  let recovered = 0;
  for (let i = 0; i < 50 && recovered !== 200; i++) {
    recovered = (await login(server.base)).status;
    if (recovered !== 200) await Bun.sleep(200);
  }
  expect(recovered).toBe(200);
  expect((await fetch(`${server.base}/health`)).status).toBe(200);
}, 90_000);

test('SIGTERM while the database is down still ends the process', async () => {
  const port = await freePort();
  const downDir = mkdtempSync(join(tmpdir(), 'pawtimation-outage-stop-'));
  const downPg = await startEmbeddedPostgres({ dataDir: downDir, port, persistent: false });
  await downPg.createDatabase('outage_stop');
  const proc = await startServerProcess(downPg.url('outage_stop'));
  try {
    expect((await login(proc.base)).status).toBe(200);
    await downPg.stop();
    expect((await login(proc.base)).status).toBe(503);
    const exit = await Promise.race([proc.stop('SIGTERM'), Bun.sleep(45_000).then(() => 'still running')]);
    expect(exit).not.toBe('still running');
  } finally {
    await proc.stop('SIGKILL');
    rmSync(downDir, { recursive: true, force: true });
  }
}, 90_000);
