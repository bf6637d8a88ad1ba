// Dashboard stats through HTTP: legacy formulas (BOOKED of any date, week from Sunday 00:00 UTC
// by createdAt, upcoming preview with parseInt limits), guards and business scoping.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { TestApp } from './support/app';
import { appWithOtherBusiness, OTHER, type Tokens } from './clients-area-fixtures';

let t: TestApp;
let tok: Tokens;

const DAY = 86_400_000;
const now = new Date();
const weekStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - now.getUTCDay() * DAY);

beforeAll(async () => {
  ({ t, tok } = await appWithOtherBusiness());
  const sql = t.db.sql;
  const [svc] = await sql`SELECT id FROM services WHERE business_id = 'biz_demo' ORDER BY seq LIMIT 1`;
  const job = (id: string, status: string, start: string | null, businessId = 'biz_demo', clientId = 'c_demo_client', serviceId: string | null = svc.id) =>
    sql`INSERT INTO jobs (id, business_id, client_id, service_id, status, start_raw, start_at)
        VALUES (${id}, ${businessId}, ${clientId}, ${serviceId}, ${status}, ${start}, ${start ? new Date(start.endsWith('Z') ? start : `${start}Z`) : null})`;
  await job('job_b3', 'BOOKED', '2030-09-02T09:00:00');
  await job('job_b1', 'BOOKED', '2030-01-07T10:00:00.000Z');
  await job('job_b2', 'BOOKED', '2030-01-07T10:00:00.000Z', 'biz_demo', 'c_demo_client', null);
  await job('job_past', 'BOOKED', '2020-01-01T10:00:00.000Z');
  await job('job_nostart', 'BOOKED', null);
  await job('job_p1', 'PENDING', '2030-02-01T10:00:00.000Z');
  await job('job_c1', 'COMPLETED', '2030-02-01T10:00:00.000Z');
  await job('job_other', 'BOOKED', '2030-01-01T10:00:00.000Z', OTHER.businessId, OTHER.clientId, OTHER.serviceId);
  await job('job_other_p', 'PENDING', '2030-01-01T10:00:00.000Z', OTHER.businessId, OTHER.clientId, OTHER.serviceId);

  const invoice = (id: string, status: string, cents: number, createdAt: Date, businessId = 'biz_demo', clientId = 'c_demo_client') =>
    sql`INSERT INTO invoices (id, business_id, client_id, amount_cents, status, created_at, payment_url)
        VALUES (${id}, ${businessId}, ${clientId}, ${cents}, ${status}, ${createdAt}, 'https://pay.example/x')`;
  await invoice('inv_now', 'PAID', 1500, now);
  await invoice('inv_week_start', 'PAID', 2500, weekStart);
  await invoice('inv_before', 'PAID', 4000, new Date(weekStart.getTime() - 1));
  await invoice('inv_unpaid', 'UNPAID', 7000, now);
  await invoice('inv_other', 'PAID', 9000, now, OTHER.businessId, OTHER.clientId);
}, 60_000);
afterAll(() => t.close());

test('the four counters for the admin of the business', async () => {
  const token = tok.admin;
  expect((await t.call('GET', '/api/stats/bookings/upcoming-count', { token })).body).toEqual({ count: 5 });
  expect((await t.call('GET', '/api/stats/bookings/pending-count', { token })).body).toEqual({ count: 1 });
  expect((await t.call('GET', '/api/stats/clients/count', { token })).body).toEqual({ count: 1 });
  expect((await t.call('GET', '/api/stats/invoices/revenue-week', { token })).body).toEqual({ amount: 4000 });
  expect((await t.call('GET', '/api/stats/bookings/upcoming-count', { token: tok.otherAdmin })).body).toEqual({ count: 1 });
  expect((await t.call('GET', '/api/stats/invoices/revenue-week', { token: tok.otherAdmin })).body).toEqual({ amount: 9000 });
});

test('the booking counts are kept until the bookings of the business change, then counted again', async () => {
  const token = tok.admin;
  const count = async (path: string) => (await t.call('GET', `/api/stats/bookings/${path}`, { token })).body.count as number;
  const [booked, pending] = [await count('upcoming-count'), await count('pending-count')];
  // a change the data-version triggers do not see: the kept counts stay
  await t.db.sql.begin(async (tx) => {
    await tx`SET LOCAL session_replication_role = replica`;
    await tx`UPDATE jobs SET status = 'PENDING' WHERE id = 'job_b3'`;
  });
  expect([await count('upcoming-count'), await count('pending-count')]).toEqual([booked, pending]);
  // a counted change: both counts are taken again, and show both changes
  await t.db.sql`UPDATE jobs SET status = 'BOOKED' WHERE id = 'job_p1'`;
  expect([await count('upcoming-count'), await count('pending-count')]).toEqual([booked, pending]);
  await t.db.sql`UPDATE jobs SET status = 'BOOKED' WHERE id = 'job_b3'`;
  expect([await count('upcoming-count'), await count('pending-count')]).toEqual([booked + 1, pending - 1]);
  await t.db.sql`UPDATE jobs SET status = 'PENDING' WHERE id = 'job_p1'`;
  expect([await count('upcoming-count'), await count('pending-count')]).toEqual([booked, pending]);
});

test('upcoming preview: future BOOKED jobs by start, ties in creation order, names with fallbacks', async () => {
  const res = await t.call('GET', '/api/stats/bookings/upcoming', { token: tok.admin });
  expect(res.status).toBe(200);
  expect(res.body).toEqual([
    { id: 'job_b1', bookingId: 'job_b1', clientName: 'Demo Client', serviceName: '30min Dog Walk', startTimeFormatted: 'Mon 7 Jan, 10:00', start: '2030-01-07T10:00:00.000Z', status: 'BOOKED' },
    { id: 'job_b2', bookingId: 'job_b2', clientName: 'Demo Client', serviceName: 'Unknown Service', startTimeFormatted: 'Mon 7 Jan, 10:00', start: '2030-01-07T10:00:00.000Z', status: 'BOOKED' },
    { id: 'job_b3', bookingId: 'job_b3', clientName: 'Demo Client', serviceName: '30min Dog Walk', startTimeFormatted: 'Mon 2 Sept, 09:00', start: '2030-09-02T09:00:00', status: 'BOOKED' },
  ]);
});

test('limit follows parseInt: n keeps n, -k drops the last k, NaN and 0 mean 5', async () => {
  const ids = async (limit: string) => (await t.call('GET', `/api/stats/bookings/upcoming?limit=${limit}`, { token: tok.admin })).body.map((b: any) => b.id);
  expect(await ids('1')).toEqual(['job_b1']);
  expect(await ids('2.9')).toEqual(['job_b1', 'job_b2']);
  expect(await ids('-1')).toEqual(['job_b1', 'job_b2']);
  expect(await ids('-5')).toEqual([]);
  expect(await ids('abc')).toEqual(['job_b1', 'job_b2', 'job_b3']);
  expect(await ids('0')).toEqual(['job_b1', 'job_b2', 'job_b3']);
  expect(await ids('99999999999999')).toEqual(['job_b1', 'job_b2', 'job_b3']);
});

test('staff and clients get 403 (admin-only, POLICY 4) and anonymous callers 401 on every stat', async () => {
  for (const path of ['bookings/upcoming-count', 'bookings/pending-count', 'clients/count', 'invoices/revenue-week', 'bookings/upcoming']) {
    expect(await t.call('GET', `/api/stats/${path}`, { token: tok.staff })).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
    expect(await t.call('GET', `/api/stats/${path}`, { token: tok.client })).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
    expect(await t.call('GET', `/api/stats/${path}`)).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
  }
});
