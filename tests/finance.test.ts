// /api/finance/* through HTTP. Each test uses its own business so the figures are exact; times are
// placed on the documented UTC boundaries relative to the current month.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from './support/app';
import { createClient, createJob, emptyBusiness, invoiceAt, staffUser } from './support/billing-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const DAY = 24 * 60 * 60 * 1000;

/** the first instant of the UTC month `back` months before the current one */
function monthStart(back: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
}

const get = (path: string, token: string) => t.call('GET', path, { token });

describe('GET /api/finance/overview', () => {
  test('KPIs and the six-month trend with UTC month boundaries (last month ends 23:59:59.000)', async () => {
    const biz = await emptyBusiness(t);
    const clientId = await createClient(t, 'Fay Finance', { businessId: biz.businessId });
    const at = (amountCents: number, paidAt: Date | null, createdAt?: Date) => invoiceAt(t, { businessId: biz.businessId, clientId, amountCents, paidAt, createdAt });
    const lastMonthEnd = new Date(monthStart(0).getTime() - 1000);
    await at(1000, monthStart(0)); // first instant of this month: this month
    await at(3000, monthStart(1)); // first instant of last month
    await at(500, lastMonthEnd); // 23:59:59.000 on the last day: still last month
    await at(700, new Date(lastMonthEnd.getTime() + 500)); // the final 999 ms: in no month (legacy)
    await at(2000, null, new Date(monthStart(3).getTime() + DAY)); // no paidAt: counted by createdAt
    await at(4000, monthStart(6)); // before the trend
    await invoiceAt(t, { businessId: biz.businessId, clientId, amountCents: 9999, status: 'UNPAID' });

    const job = (start: Date, status: 'COMPLETED' | 'BOOKED' | 'CANCELLED' = 'COMPLETED') =>
      createJob(t, { businessId: biz.businessId, clientId, start: start.toISOString().replace('.000Z', ''), status });
    await job(new Date(monthStart(0).getTime() + 3600_000)); // zone-less start, parsed as UTC
    await job(monthStart(5));
    await job(lastMonthEnd);
    await job(monthStart(0), 'CANCELLED');
    await job(monthStart(0), 'BOOKED');

    const res = await get('/api/finance/overview', biz.token);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.overview)).toEqual([
      'totalRevenueCents', 'avgBookingValueCents', 'totalInvoices', 'totalBookings', 'monthlyGrowthPercent', 'thisMonthRevenueCents', 'lastMonthRevenueCents',
    ]);
    expect(res.body.overview).toEqual({
      totalRevenueCents: 11200,
      avgBookingValueCents: 3733, // round(11200 / 3): invoice revenue over completed jobs (legacy)
      totalInvoices: 6,
      totalBookings: 3,
      monthlyGrowthPercent: -71.4, // (1000 - 3500) / 3500, one decimal
      thisMonthRevenueCents: 1000,
      lastMonthRevenueCents: 3500,
    });
    expect(res.body.monthlyTrend).toEqual(
      [5, 4, 3, 2, 1, 0].map((back) => {
        const m = monthStart(back);
        return {
          month: `${MONTHS[m.getUTCMonth()]} ${m.getUTCFullYear()}`,
          monthKey: `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`,
          revenueCents: { 3: 2000, 1: 3500, 0: 1000 }[back] ?? 0,
          bookingCount: { 5: 1, 1: 1, 0: 1 }[back] ?? 0,
        };
      }),
    );
  });

  test('JS rounding on halves: growth -0.15 % shows -0.1, 5 cents over 2 jobs averages 3', async () => {
    // Postgres round() would give -0.2 for both numeric and double precision, and 2 for 2.5 as a double
    const biz = await emptyBusiness(t);
    const clientId = await createClient(t, 'Rory Round', { businessId: biz.businessId });
    await invoiceAt(t, { businessId: biz.businessId, clientId, amountCents: 1997, paidAt: monthStart(0) });
    await invoiceAt(t, { businessId: biz.businessId, clientId, amountCents: 2000, paidAt: monthStart(1) });
    expect((await get('/api/finance/overview', biz.token)).body.overview).toMatchObject({ monthlyGrowthPercent: -0.1, avgBookingValueCents: 0 });

    const other = await emptyBusiness(t);
    const payer = await createClient(t, 'Half Cent', { businessId: other.businessId });
    await invoiceAt(t, { businessId: other.businessId, clientId: payer, amountCents: 5, paidAt: monthStart(0) });
    for (const _ of [1, 2]) await createJob(t, { businessId: other.businessId, clientId: payer, status: 'COMPLETED' });
    expect((await get('/api/finance/overview', other.token)).body.overview).toMatchObject({ avgBookingValueCents: 3, totalBookings: 2 });
  });

  test('an empty business: zeros and six empty months', async () => {
    const biz = await emptyBusiness(t);
    const res = await get('/api/finance/overview', biz.token);
    expect(res.body.overview).toEqual({
      totalRevenueCents: 0, avgBookingValueCents: 0, totalInvoices: 0, totalBookings: 0, monthlyGrowthPercent: 0, thisMonthRevenueCents: 0, lastMonthRevenueCents: 0,
    });
    expect(res.body.monthlyTrend.length).toBe(6);
    expect(res.body.monthlyTrend.every((m: { revenueCents: number; bookingCount: number }) => m.revenueCents === 0 && m.bookingCount === 0)).toBe(true);
  });
});

describe('GET /api/finance/forecasts', () => {
  test('90-day average daily revenue and BOOKED revenue scheduled in the next 30/60/90 days', async () => {
    const biz = await emptyBusiness(t);
    const clientId = await createClient(t, 'Fred Forecast', { businessId: biz.businessId });
    const now = Date.now();
    await invoiceAt(t, { businessId: biz.businessId, clientId, amountCents: 8000, paidAt: new Date(now - DAY) });
    await invoiceAt(t, { businessId: biz.businessId, clientId, amountCents: 5000, paidAt: new Date(now - 91 * DAY) });
    await invoiceAt(t, { businessId: biz.businessId, clientId, amountCents: 5000, status: 'UNPAID' });
    const booked = (days: number, priceCents: number | null, status: 'BOOKED' | 'COMPLETED' = 'BOOKED') =>
      createJob(t, { businessId: biz.businessId, clientId, start: new Date(now + days * DAY).toISOString(), priceCents, status });
    await booked(10, 1000);
    await booked(45, 2000);
    await booked(80, 4000);
    await booked(80, null);
    await booked(100, 5000);
    await booked(-1, 7000);
    await booked(10, 9000, 'COMPLETED');

    const res = await get('/api/finance/forecasts', biz.token);
    expect(res.status).toBe(200);
    // 8000 / 90 = 88.89 a day; projections round the unrounded average times the days
    expect(res.body).toEqual({
      forecast: {
        avgDailyRevenueCents: 89,
        forecast30Days: { scheduledRevenueCents: 1000, projectedRevenueCents: 2667, totalForecastCents: 3667 },
        forecast60Days: { scheduledRevenueCents: 3000, projectedRevenueCents: 5333, totalForecastCents: 8333 },
        forecast90Days: { scheduledRevenueCents: 7000, projectedRevenueCents: 8000, totalForecastCents: 15000 },
      },
    });
  });

  test('nothing paid or booked: all zeros', async () => {
    const biz = await emptyBusiness(t);
    const period = { scheduledRevenueCents: 0, projectedRevenueCents: 0, totalForecastCents: 0 };
    expect((await get('/api/finance/forecasts', biz.token)).body).toEqual({
      forecast: { avgDailyRevenueCents: 0, forecast30Days: period, forecast60Days: period, forecast90Days: period },
    });
  });
});

describe('GET /api/finance/breakdowns', () => {
  test('byStaff from completed jobs, byClient top 10 from paid invoices, byService always []', async () => {
    const biz = await emptyBusiness(t);
    const b = biz.businessId;
    const clientId = await createClient(t, 'Cara Client', { businessId: b });
    const noName = await staffUser(t, b, '', 'nameless@staff.test');
    const sam = await staffUser(t, b, 'Sam Staff');
    const done = (staffId: string | null, priceCents: number | null, status: 'COMPLETED' | 'BOOKED' = 'COMPLETED') =>
      createJob(t, { businessId: b, clientId, staffId, priceCents, status });
    await done(noName, 1000);
    await done(sam, 1500);
    await done(noName, 500);
    await done(sam, null);
    await done(null, 9000);
    await done(sam, 9000, 'BOOKED');

    // 12 paying clients: the top 10 by revenue, ties in order of their first paid invoice
    const amounts = [300, 1200, 500, 1200, 800, 100, 900, 700, 1200, 600, 200, 400];
    const clients: string[] = [];
    for (const [i, amount] of amounts.entries()) {
      const id = await createClient(t, `Payer ${String(i).padStart(2, '0')}`, { businessId: b });
      clients.push(id);
      await invoiceAt(t, { businessId: b, clientId: id, amountCents: amount });
    }
    await invoiceAt(t, { businessId: b, clientId: clients[5], amountCents: 1000 }); // Payer 05: 1100 in 2 invoices
    await invoiceAt(t, { businessId: b, clientId: clients[0], amountCents: 5000, status: 'UNPAID' });

    const res = await get('/api/finance/breakdowns', biz.token);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['byService', 'byStaff', 'byClient']);
    expect(res.body.byService).toEqual([]);
    expect(res.body.byStaff).toEqual([
      { staffId: noName, staffName: 'nameless@staff.test', revenueCents: 1500, bookingCount: 2 },
      { staffId: sam, staffName: 'Sam Staff', revenueCents: 1500, bookingCount: 2 },
    ]);
    const expected = [
      [1, 1200, 1], [3, 1200, 1], [8, 1200, 1], [5, 1100, 2], [6, 900, 1], [4, 800, 1], [7, 700, 1], [9, 600, 1], [2, 500, 1], [11, 400, 1],
    ].map(([i, revenueCents, invoiceCount]) => ({ clientId: clients[i], clientName: `Payer ${String(i).padStart(2, '0')}`, revenueCents, invoiceCount }));
    expect(res.body.byClient).toEqual(expected);
  });

  test('a client record without a name key appears without clientName (legacy drops undefined)', async () => {
    const biz = await emptyBusiness(t);
    const clientId = await createClient(t, '', { businessId: biz.businessId });
    await t.db.sql`UPDATE clients SET omitted_keys = ARRAY['name'] WHERE id = ${clientId}`;
    await invoiceAt(t, { businessId: biz.businessId, clientId, amountCents: 100 });
    expect((await get('/api/finance/breakdowns', biz.token)).body.byClient).toEqual([{ clientId, revenueCents: 100, invoiceCount: 1 }]);
  });
});

describe('finance guard', () => {
  test('admin-only (POLICY 4): staff and clients get 403, no token 401; each business sees only its own figures', async () => {
    const admin = await t.tokenFor('u_demo_admin');
    const staff = await t.tokenFor('u_demo_staff1');
    const client = await t.tokenFor('u_demo_client');
    for (const path of ['/api/finance/overview', '/api/finance/forecasts', '/api/finance/breakdowns']) {
      expect((await get(path, admin)).status).toBe(200);
      expect(await get(path, staff)).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
      expect(await get(path, client)).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
      expect(await t.call('GET', path)).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
      expect(await get(path, 'garbage')).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    }
    // the other tests' businesses hold paid invoices; the demo business has none
    expect((await get('/api/finance/overview', admin)).body.overview.totalRevenueCents).toBe(0);
    expect((await get('/api/finance/breakdowns', admin)).body.byClient).toEqual([]);
  });
});

test('js_round matches JS Math.round, where Postgres round() does not', async () => {
  const values = [-2.5, -1.5, -0.5, -0.49999999999999994, 0.49999999999999994, 0.5, 1.5, 2.5, -714.2857142857143, 2666.6666666666665, 1e15 + 0.5, -3.5000001];
  const rows = await t.db.sql`
    SELECT js_round(v) AS js, round(v::numeric)::float8 AS numeric, round(v) AS double
    FROM unnest(${values}::float8[]) WITH ORDINALITY AS x(v, i) ORDER BY i`;
  // + 0 turns -0 into 0 on both sides
  expect(rows.map((r) => r.js + 0)).toEqual(values.map((v) => Math.round(v) + 0));
  expect(rows.map((r) => r.numeric)).not.toEqual(rows.map((r) => r.js));
  expect(rows.map((r) => r.double)).not.toEqual(rows.map((r) => r.js));
});
