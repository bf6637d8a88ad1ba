// A real server process: first start migrates and seeds, SIGTERM exits cleanly, a restart keeps
// every row and never seeds again.
import { expect, test } from 'bun:test';
import postgres from 'postgres';
import { emptyDatabase } from './support/postgres';
import { startServerProcess } from './support/server-process';

test('data survives a restart and the seed runs once', async () => {
  const url = await emptyDatabase();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const first = await startServerProcess(url);
    const [{ n: seededUsers }] = await sql`SELECT count(*)::int AS n FROM users`;
    expect(seededUsers).toBe(5);
    await sql`INSERT INTO services (id, business_id, name) VALUES ('svc_written_before_restart', 'biz_demo', 'Puppy visit')`;
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startServerProcess(url);
    const [{ businesses, users, services }] = await sql`
      SELECT (SELECT count(*) FROM businesses)::int AS businesses, (SELECT count(*) FROM users)::int AS users,
             (SELECT count(*) FROM services)::int AS services`;
    expect({ businesses, users, services }).toEqual({ businesses: 1, users: 5, services: 3 });
    const health = (await fetch(`${second.base}/health`).then((r) => r.json())) as { ok: boolean };
    expect(health.ok).toBe(true);
    expect(await second.stop('SIGTERM')).toBe(0);
  } finally {
    await sql.end();
  }
}, 60_000);

test('SIGTERM lets in-flight requests finish, then exits 0', async () => {
  const server = await startServerProcess(await emptyDatabase());
  const inFlight = Array.from({ length: 12 }, () =>
    fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.com', password: 'admin123' }),
    }).then((r) => r.status),
  );
  await Bun.sleep(20);
  const exited = server.stop('SIGTERM');
  expect(await Promise.all(inFlight)).toEqual(Array(12).fill(200));
  expect(await exited).toBe(0);
  // and it no longer accepts connections
  expect(await fetch(`${server.base}/health`).then(() => 'answered', () => 'refused')).toBe('refused');
}, 60_000);
