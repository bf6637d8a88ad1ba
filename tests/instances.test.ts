// Two server processes on one database, as behind a load balancer: started at the same moment on an
// empty database they migrate and seed once and both serve; the outbox mail the routes of either
// queue is sent exactly once across the two workers; a booking made through one instance reaches
// sockets connected to the other. (Rate limits are per instance: docs/operations.md.)
import { afterAll, beforeAll, expect, test } from 'bun:test';
import postgres from 'postgres';
import { sendgridEnv } from './support/email-fixtures';
import { startFakeSendGrid, type FakeSendGrid } from './support/fake-sendgrid';
import { emptyDatabase } from './support/postgres';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { connectSocket, type RecordingSocket } from './support/socket-client';

let sendgrid: FakeSendGrid;
let dbUrl: string;
let sql: postgres.Sql;
let a: ServerProcess;
let b: ServerProcess;
const sockets: RecordingSocket[] = [];

beforeAll(async () => {
  sendgrid = startFakeSendGrid();
  dbUrl = await emptyDatabase();
  sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  // both migrate and seed at once; info logs say which one seeded
  const env = { ...sendgridEnv(sendgrid.url), LOG_LEVEL: 'info' };
  [a, b] = await Promise.all([startServerProcess(dbUrl, env), startServerProcess(dbUrl, env)]);
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([a, b].map((s) => s?.stop('SIGKILL')));
  await sql.end();
  await sendgrid.stop();
}, 30_000);

const login = async (base: string, email: string, password: string) => {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
};

const post = (base: string, path: string, token: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

test('both instances started together on an empty database: migrated once, seeded once, both healthy', async () => {
  for (const s of [a, b]) expect((await fetch(`${s.base}/health`)).status).toBe(200);
  const seeded = [a, b].filter((s) => s.output().includes('demo data seeded'));
  expect(seeded.length).toBe(1);
  const [counts] = await sql`
    SELECT (SELECT count(*) FROM businesses)::int AS businesses, (SELECT count(*) FROM users)::int AS users,
           (SELECT count(*) FROM services)::int AS services, (SELECT count(*) FROM dogs)::int AS dogs,
           (SELECT count(*) FROM schema_migrations)::int AS migrations`;
  const migrationFiles = [...new Bun.Glob('*.sql').scanSync(`${import.meta.dir}/../db/migrations`)].length;
  expect({ ...counts }).toEqual({ businesses: 1, users: 5, services: 2, dogs: 1, migrations: migrationFiles });
  // each logs in against the shared data
  await login(a.base, 'admin@demo.com', 'admin123');
  await login(b.base, 'walker1@demo.com', 'staff123');
});

test('a booking made through either instance reaches an admin socket on the other', async () => {
  const admin = await login(a.base, 'admin@demo.com', 'admin123');
  const onA = await connectSocket(a.base, { extraHeaders: { cookie: `token=${admin}` } });
  const onB = await connectSocket(b.base, { auth: { token: admin } });
  sockets.push(onA, onB);
  const [service] = await sql`SELECT id FROM services WHERE name = '60min Dog Walk'`;
  const create = (base: string, start: string) =>
    post(base, '/api/bookings/create', admin, { clientId: 'c_demo_client', serviceId: service.id, dogIds: ['dog_demo'], start })
      .then((r) => r.json() as Promise<{ job: { id: string } }>);

  const viaA = (await create(a.base, '2031-06-02T09:00:00.000Z')).job.id;
  expect(await onB.next()).toEqual(['booking:created', { booking: { id: viaA, status: 'BOOKED', staffId: null, businessId: 'biz_demo' } }]);
  const viaB = (await create(b.base, '2031-06-03T09:00:00.000Z')).job.id;
  const heardOnA = [await onA.next(), await onA.next(), await onA.next()].filter(([e]) => e === 'booking:created');
  expect(heardOnA.map(([, p]) => (p as { booking: { id: string } }).booking.id)).toEqual([viaA, viaB]);
}, 60_000);

test('booking requests through both instances: every mail is sent exactly once across the two workers', async () => {
  const client = await login(a.base, 'demo@client.com', 'test123');
  const [service] = await sql`SELECT id FROM services WHERE name = '30min Dog Walk'`;
  const requests = Array.from({ length: 16 }, (_, i) =>
    post(i % 2 ? b.base : a.base, '/api/client/bookings/request', client, {
      clientId: 'c_demo_client', serviceId: service.id, dogIds: ['dog_demo'], dateTime: `2031-05-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`,
    }).then((r) => r.json() as Promise<{ booking: { id: string } }>),
  );
  const jobIds = (await Promise.all(requests)).map((r) => r.booking.id);
  expect(new Set(jobIds).size).toBe(16);

  await sendgrid.waitForDelivered(16, 30_000);
  // both workers poll the outbox; stopping both drains whatever either was still sending
  expect(await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')])).toEqual([0, 0]);
  const subjects = sendgrid.calls.map((c) => c.body.subject);
  expect(subjects.length).toBe(16);
  const outbox = await sql`SELECT ref_id, status, attempts FROM email_outbox WHERE kind = 'booking-requested'`;
  expect(outbox.map((r) => r.ref_id as string).sort()).toEqual([...jobIds].sort());
  expect(outbox.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
}, 60_000);
