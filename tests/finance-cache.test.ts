// The list cache (src/cache/list-cache.ts) also keeps GET /api/finance/overview|forecasts|breakdowns,
// /api/invoices/list and /api/bookings/mine. Every committed change to what they show is in the next
// response (this instance, a second instance, straight in SQL), and the finance figures that time
// alone changes are kept only until the first instant they may change: the statements' validUntil
// is checked here against the figures themselves, computed at chosen instants.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApp } from '../src/app';
import { createListCache } from '../src/cache/list-cache';
import { connect, type Db } from '../src/db/client';
import { buildDeps } from '../src/deps';
import { createLogger } from '../src/log';
import { adminCreate, createBookingTestApp, DEMO_CLIENT, SETUP_TIMEOUT_MS, STAFF1, type BookingTestApp } from './bookings-fixtures';
import { createClient, createJob, emptyBusiness, invoiceAt, staffUser } from './support/billing-fixtures';
import { callerOf, type Call } from './support/app-caller';
import { testConfig } from './support/config';

let t: BookingTestApp;
beforeAll(async () => {
  t = await createBookingTestApp();
}, SETUP_TIMEOUT_MS);
afterAll(() => t.close());

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();


async function read(path: string, token = t.tokens.admin, call: Call = t.call) {
  const res = await call('GET', path, { token });
  expect(res.status).toBe(200);
  return res;
}
const overview = async (call?: Call) => (await read('/api/finance/overview', t.tokens.admin, call)).body.overview;
const forecast = async (call?: Call) => (await read('/api/finance/forecasts', t.tokens.admin, call)).body.forecast;
const breakdowns = async (call?: Call) => (await read('/api/finance/breakdowns', t.tokens.admin, call)).body;
const invoiceList = async (call?: Call) => (await read('/api/invoices/list', t.tokens.admin, call)).body as any[];
const mine = async () => (await read('/api/bookings/mine', t.tokens.client)).body as any[];

const post = async (path: string, body: unknown, token = t.tokens.admin) => {
  const res = await t.call('POST', path, { token, body });
  expect(res.status).toBe(200);
  return res.body;
};

/** a change the data-version triggers do not see (session_replication_role disables them) */
const silently = (change: (tx: any) => Promise<unknown>) =>
  t.db.sql.begin(async (tx) => {
    await tx`SET LOCAL session_replication_role = replica`;
    await change(tx);
  });

/** an UNPAID invoice generated through the API from a job completed through the API */
async function generatedInvoice(priceCents: number, staffId: string | null = null) {
  const job = await adminCreate(t, { serviceId: t.ids.svc30, start: iso(Date.now() - 2 * DAY), staffId });
  await post(`/api/bookings/${job.id}/update`, { priceCents });
  await post(`/api/bookings/${job.id}/update`, { status: 'COMPLETED' });
  const [item] = await t.db.sql<{ id: string }[]>`SELECT id FROM invoice_items WHERE job_id = ${job.id}`;
  const { invoice } = await post('/api/invoices/generate', { clientId: DEMO_CLIENT, itemIds: [item!.id] });
  return { jobId: job.id as string, invoiceId: invoice.id as string };
}

const CACHED = [
  ['/api/finance/overview', 'admin'],
  ['/api/finance/forecasts', 'admin'],
  ['/api/finance/breakdowns', 'admin'],
  ['/api/invoices/list', 'admin'],
  ['/api/bookings/mine', 'client'],
] as const;

describe('served from the cache', () => {
  test('changes that bypass the version triggers are not seen; the next counted change shows them all', async () => {
    const paid = await invoiceAt(t, { businessId: 'biz_demo', clientId: DEMO_CLIENT, amountCents: 9000, paidAt: new Date(Date.now() - DAY) });
    const done = await createJob(t, { start: iso(Date.now() - DAY), status: 'COMPLETED', staffId: STAFF1, priceCents: 1000 });
    const booked = await createJob(t, { start: iso(Date.now() + 5 * DAY), status: 'BOOKED', priceCents: 1000 });

    const read5 = () => Promise.all(CACHED.map(([path, who]) => read(path, t.tokens[who]).then((r) => r.text)));
    const before = await read5();
    expect(await read5()).toEqual(before); // a second read at the same version: the kept bytes
    expect(t.deps.lists.stats().entries).toBeGreaterThanOrEqual(CACHED.length);

    await silently(async (tx) => {
      await tx`UPDATE invoices SET amount_cents = 18000 WHERE id = ${paid}`;
      await tx`UPDATE jobs SET price_cents = 3000 WHERE id IN (${done}, ${booked})`;
    });
    expect(await read5()).toEqual(before);

    await t.db.sql`UPDATE clients SET name = name WHERE id = ${DEMO_CLIENT}`; // counted, changes nothing shown
    const after = await read5();
    after.forEach((text, i) => expect(text).not.toBe(before[i]!));
    const [o, f, b, list, own] = after.map((text) => JSON.parse(text));
    const was = before.map((text) => JSON.parse(text));
    expect(o.overview.totalRevenueCents - was[0].overview.totalRevenueCents).toBe(9000);
    expect(f.forecast.forecast90Days.projectedRevenueCents - was[1].forecast.forecast90Days.projectedRevenueCents).toBe(9000);
    expect(f.forecast.forecast30Days.scheduledRevenueCents - was[1].forecast.forecast30Days.scheduledRevenueCents).toBe(2000);
    expect(b.byStaff.find((s: any) => s.staffId === STAFF1).revenueCents - was[2].byStaff.find((s: any) => s.staffId === STAFF1).revenueCents).toBe(2000);
    expect(list.find((i: any) => i.invoiceId === paid).total).toBe(18000);
    expect(own.find((j: any) => j.id === booked).priceCents).toBe(3000);
  });

  test('a build kept under the version read before it: a write committed while it runs makes it stale at once', async () => {
    const lists = createListCache(t.db.q, 1 << 20);
    const body = async (build: () => Promise<string>) =>
      new TextDecoder().decode(await lists.get('biz_demo', 'version probe', async () => ({ list: await build() })));
    const during = await body(async () => {
      await t.db.sql`UPDATE clients SET name = name WHERE id = ${DEMO_CLIENT}`; // commits mid-build
      return '"built before the write was seen"';
    });
    expect(during).toBe('"built before the write was seen"');
    expect(await body(async () => '"rebuilt"')).toBe('"rebuilt"');
    expect(await body(async () => '"not asked"')).toBe('"rebuilt"');
  });

  test('the same bytes as built fresh, each key apart from the others', async () => {
    const fresh = callerOf(createApp({ ...t.deps, lists: createListCache(t.db.q, 0) })); // keeps nothing
    for (const [path, who] of CACHED) {
      const cached = await read(path, t.tokens[who]);
      expect(cached.text).toBe((await read(path, t.tokens[who], fresh)).text);
    }
  });
});

describe('every write that changes a response is in the next one', () => {
  test('job completed: overview totalBookings, breakdowns byStaff; new invoice: invoices list', async () => {
    const [o0, b0, l0] = [await overview(), await breakdowns(), await invoiceList()];
    const staffOf = (b: any) => b.byStaff.find((s: any) => s.staffId === STAFF1) ?? { revenueCents: 0, bookingCount: 0 };
    const { invoiceId } = await generatedInvoice(2500, STAFF1);
    const [o1, b1, l1] = [await overview(), await breakdowns(), await invoiceList()];
    expect(o1.totalBookings).toBe(o0.totalBookings + 1);
    expect(staffOf(b1).bookingCount).toBe(staffOf(b0).bookingCount + 1);
    expect(staffOf(b1).revenueCents).toBe(staffOf(b0).revenueCents + 2500);
    expect(l1.length).toBe(l0.length + 1);
    expect(l1.at(-1)).toMatchObject({ invoiceId, total: 2500, status: 'unpaid', paidAt: null });
  });

  test('mark paid: overview, forecast, breakdowns byClient and the invoices list', async () => {
    const { invoiceId } = await generatedInvoice(4500);
    const [o0, f0, b0] = [await overview(), await forecast(), await breakdowns()];
    expect((await invoiceList()).find((i) => i.invoiceId === invoiceId).status).toBe('unpaid');
    const clientOf = (b: any) => b.byClient.find((c: any) => c.clientId === DEMO_CLIENT) ?? { revenueCents: 0, invoiceCount: 0 };

    await post(`/api/invoices/${invoiceId}/mark-paid`, { paymentMethod: 'cash' });
    const [o1, f1, b1] = [await overview(), await forecast(), await breakdowns()];
    expect(o1.totalRevenueCents).toBe(o0.totalRevenueCents + 4500);
    expect(o1.totalInvoices).toBe(o0.totalInvoices + 1);
    expect(o1.thisMonthRevenueCents).toBe(o0.thisMonthRevenueCents + 4500);
    expect(f1.forecast90Days.projectedRevenueCents).toBe(f0.forecast90Days.projectedRevenueCents + 4500);
    expect(clientOf(b1)).toMatchObject({ revenueCents: clientOf(b0).revenueCents + 4500, invoiceCount: clientOf(b0).invoiceCount + 1 });
    expect((await invoiceList()).find((i) => i.invoiceId === invoiceId)).toMatchObject({ status: 'paid', paymentMethod: 'cash' });
  });

  test('an invoice change leaves the booking calendar and pending items cached (they show no invoice)', async () => {
    const { invoiceId } = await generatedInvoice(1200);
    const calendar = async () => (await read('/api/bookings/list')).body as any[];
    const pending = async () => (await read('/api/invoice-items/pending')).body as any[];
    const job = (await calendar())[0];
    const pendingBefore = await pending();
    // not counted: a cached calendar keeps showing the old notes until something it shows changes
    await silently((tx) => tx`UPDATE jobs SET notes = 'changed unseen' WHERE id = ${job.id}`);

    await post(`/api/invoices/${invoiceId}/mark-paid`, { paymentMethod: 'card' });
    expect((await invoiceList()).find((i) => i.invoiceId === invoiceId).status).toBe('paid');
    expect((await calendar())[0].notes).toBe(job.notes);
    expect(await pending()).toEqual(pendingBefore);

    // a counted change of the job itself rebuilds it: both changes show
    await post(`/api/bookings/${job.id}/update`, { priceCents: 4321 });
    expect((await calendar())[0]).toMatchObject({ priceCents: 4321, notes: 'changed unseen' });
  });

  test('client rename: breakdowns clientName and the invoices list', async () => {
    const { invoiceId } = await generatedInvoice(1200);
    await post(`/api/invoices/${invoiceId}/mark-paid`, { paymentMethod: 'card' });
    expect((await breakdowns()).byClient.find((c: any) => c.clientId === DEMO_CLIENT).clientName).toBe('Demo Client');
    expect((await invoiceList()).find((i) => i.invoiceId === invoiceId).clientName).toBe('Demo Client');

    await post(`/api/clients/${DEMO_CLIENT}/update`, { name: 'Renamed Client' });
    expect((await breakdowns()).byClient.find((c: any) => c.clientId === DEMO_CLIENT).clientName).toBe('Renamed Client');
    expect((await invoiceList()).find((i) => i.invoiceId === invoiceId).clientName).toBe('Renamed Client');
    await post(`/api/clients/${DEMO_CLIENT}/update`, { name: 'Demo Client' });
  });

  test('staff rename through the API, then an email change (no route changes it: written in SQL) shown when the name is empty', async () => {
    await generatedInvoice(800, STAFF1);
    const staffName = async () => (await breakdowns()).byStaff.find((s: any) => s.staffId === STAFF1).staffName;
    const original = await staffName();
    await post(`/api/staff/${STAFF1}/update`, { name: 'Sarah Renamed' });
    expect(await staffName()).toBe('Sarah Renamed');

    await t.db.sql`UPDATE users SET name = '' WHERE id = ${STAFF1}`;
    expect(await staffName()).toBe('walker1@demo.com');
    await t.db.sql`UPDATE users SET email = 'sarah@walkers.test' WHERE id = ${STAFF1}`;
    expect(await staffName()).toBe('sarah@walkers.test');
    await t.db.sql`UPDATE users SET name = ${original}, email = 'walker1@demo.com' WHERE id = ${STAFF1}`;
  });

  test('job created and moved: bookings/mine and the forecast', async () => {
    const [m0, f0] = [await mine(), await forecast()];
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: iso(Date.now() + 10 * DAY) });
    const [m1, f1] = [await mine(), await forecast()];
    expect(m1.length).toBe(m0.length + 1);
    expect(m1.at(-1)).toMatchObject({ id: job.id, status: 'BOOKED', priceCents: job.priceCents });
    expect(job.priceCents).toBeGreaterThan(0);
    expect(f1.forecast30Days.scheduledRevenueCents).toBe(f0.forecast30Days.scheduledRevenueCents + job.priceCents);

    const moved = iso(Date.now() + 45 * DAY);
    await post(`/api/bookings/${job.id}/move`, { start: moved });
    const f2 = await forecast();
    expect((await mine()).find((j) => j.id === job.id).start).toBe(moved);
    expect(f2.forecast30Days.scheduledRevenueCents).toBe(f0.forecast30Days.scheduledRevenueCents);
    expect(f2.forecast60Days.scheduledRevenueCents).toBe(f1.forecast60Days.scheduledRevenueCents);
  });

  test('bookings/mine is kept per client: two clients of one business each get their own jobs', async () => {
    const otherClient = await createClient(t, 'Second Client');
    await t.db.sql`INSERT INTO users (id, business_id, role, name, email, crm_client_id)
                   VALUES ('u_second_client', 'biz_demo', 'client', 'Second Client', 'second@client.test', ${otherClient})`;
    const theirs = await createJob(t, { clientId: otherClient, start: iso(Date.now() + 3 * DAY) });
    const ours = await mine();
    const second = await t.call('GET', '/api/bookings/mine', { token: await t.tokenFor('u_second_client') });
    expect(second.status).toBe(200);
    expect(second.body.map((j: any) => j.id)).toEqual([theirs]);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((j) => j.clientId === DEMO_CLIENT)).toBe(true);
  });

  test('a write through a second app instance on the same database, and the other way round', async () => {
    const secondDb: Db = connect(t.url);
    try {
      const second = callerOf(createApp(buildDeps(testConfig(t.url), secondDb, createLogger('silent'))));
      const { invoiceId } = await generatedInvoice(700);
      // both instances keep their own copies before the change
      const [o0, l0] = [await overview(second), await invoiceList(second)];
      expect(await overview()).toEqual(o0);
      expect(await invoiceList()).toEqual(l0);

      const paid = await second('POST', `/api/invoices/${invoiceId}/mark-paid`, { token: t.tokens.admin, body: { paymentMethod: 'other' } });
      expect(paid.status).toBe(200);
      expect((await overview()).totalRevenueCents).toBe(o0.totalRevenueCents + 700);
      expect((await invoiceList()).find((i) => i.invoiceId === invoiceId).status).toBe('paid');

      const moreTime = await generatedInvoice(300);
      expect((await invoiceList(second)).at(-1).invoiceId).toBe(moreTime.invoiceId);
      expect((await overview(second)).totalBookings).toBe((await overview()).totalBookings);
    } finally {
      await secondDb.close();
    }
  });
});

describe('time horizon: validUntil is never after the first instant the figures change', () => {
  const N = Date.parse('2031-05-20T12:00:00.000Z');
  const at = (ms: number) => new Date(ms);

  /** the overview and trend at an instant, without the expiry */
  async function overviewAt(businessId: string, ms: number) {
    const { validUntil, ...figures } = (await t.db.q.finance.overview(businessId, at(ms)))!;
    return { figures: { figures, trend: await t.db.q.finance.monthlyTrend(businessId, at(ms)) }, validUntil };
  }
  async function forecastAt(businessId: string, ms: number) {
    const { validUntil, ...figures } = (await t.db.q.finance.forecast(businessId, at(ms)))!;
    return { figures, validUntil };
  }

  /**
   * validUntil computed at N is `expected`; the figures are those of N at every sampled instant
   * before it (up to 1 ms before), and differ at `changesAt` (the designed change, at or after it)
   */
  async function horizon(compute: (ms: number) => Promise<{ figures: unknown; validUntil: Date | null }>, expected: number, changesAt = expected) {
    const start = await compute(N);
    expect(start.validUntil?.toISOString()).toBe(iso(expected));
    expect(changesAt).toBeGreaterThanOrEqual(expected);
    for (const ms of [N + 1, N + (expected - N) / 3, N + (2 * (expected - N)) / 3, expected - 1]) {
      expect((await compute(Math.floor(ms))).figures).toEqual(start.figures);
    }
    expect((await compute(changesAt)).figures).not.toEqual(start.figures);
  }

  async function business() {
    const { businessId } = await emptyBusiness(t);
    return { businessId, clientId: await createClient(t, 'Horizon Client', { businessId }) };
  }

  test('overview and trend: the start of the next UTC month', async () => {
    const b = await business();
    await invoiceAt(t, { ...b, amountCents: 1000, paidAt: at(Date.parse('2031-05-10T08:00:00.000Z')) });
    await createJob(t, { businessId: b.businessId, clientId: b.clientId, start: '2031-05-02T10:00:00.000Z', status: 'COMPLETED' });
    await horizon((ms) => overviewAt(b.businessId, ms), Date.parse('2031-06-01T00:00:00.000Z'));
  });

  test('overview: the first paid date after now (it enters this month), microseconds truncated down', async () => {
    const b = await business();
    await invoiceAt(t, { ...b, amountCents: 1000, paidAt: at(Date.parse('2031-05-10T08:00:00.000Z')) });
    const id = await invoiceAt(t, { ...b, amountCents: 500, paidAt: at(N) });
    await t.db.sql`UPDATE invoices SET paid_at = '2031-05-25T08:30:00.123456Z' WHERE id = ${id}`;
    const paid = Date.parse('2031-05-25T08:30:00.123Z');
    await horizon((ms) => overviewAt(b.businessId, ms), paid, paid + 1);
  });

  test('forecast: with nothing that time can move, no expiry', async () => {
    const b = await business();
    await invoiceAt(t, { ...b, amountCents: 1000, paidAt: at(N - 100 * DAY) }); // already out of the history
    await createJob(t, { businessId: b.businessId, clientId: b.clientId, start: iso(N - DAY), status: 'BOOKED' }); // passed
    expect((await forecastAt(b.businessId, N)).validUntil).toBeNull();
    expect((await forecastAt(b.businessId, N + 365 * DAY)).figures).toEqual((await forecastAt(b.businessId, N)).figures);
  });

  test('forecast: the first future paid date enters the 90-day history', async () => {
    const b = await business();
    await invoiceAt(t, { ...b, amountCents: 9000, paidAt: at(N + 5 * DAY) });
    await horizon((ms) => forecastAt(b.businessId, ms), N + 5 * DAY);
  });

  test('forecast: the first paid date in the history leaves it 90 days later', async () => {
    const b = await business();
    await invoiceAt(t, { ...b, amountCents: 9000, paidAt: at(N - 80 * DAY) });
    await invoiceAt(t, { ...b, amountCents: 4500, paidAt: at(N - 10 * DAY) });
    await horizon((ms) => forecastAt(b.businessId, ms), N + 10 * DAY, N + 10 * DAY + 1);
  });

  test('forecast: the first BOOKED start at or after now leaves the schedule once passed', async () => {
    const b = await business();
    await createJob(t, { businessId: b.businessId, clientId: b.clientId, start: iso(N + 3 * DAY), status: 'BOOKED' });
    await createJob(t, { businessId: b.businessId, clientId: b.clientId, start: iso(N + 2 * DAY), status: 'PENDING' }); // never scheduled
    await horizon((ms) => forecastAt(b.businessId, ms), N + 3 * DAY, N + 3 * DAY + 1);
  });

  for (const days of [30, 60, 90]) {
    test(`forecast: the first BOOKED start after now + ${days} days enters that window ${days} days before it`, async () => {
      const b = await business();
      await createJob(t, { businessId: b.businessId, clientId: b.clientId, start: iso(N + (days + 12) * DAY), status: 'BOOKED' });
      await horizon((ms) => forecastAt(b.businessId, ms), N + 12 * DAY);
    });
  }

  test('forecast: the earliest of several rules wins', async () => {
    const b = await business();
    await invoiceAt(t, { ...b, amountCents: 9000, paidAt: at(N - 85 * DAY) }); // leaves at N + 5 d
    await invoiceAt(t, { ...b, amountCents: 9000, paidAt: at(N + 7 * DAY) }); // enters at N + 7 d
    await createJob(t, { businessId: b.businessId, clientId: b.clientId, start: iso(N + 4 * DAY + 3600_000), status: 'BOOKED' }); // leaves at N + 4 d 1 h
    await createJob(t, { businessId: b.businessId, clientId: b.clientId, start: iso(N + 34 * DAY), status: 'BOOKED' }); // enters the 30-day window at N + 4 d
    await horizon((ms) => forecastAt(b.businessId, ms), N + 4 * DAY);
  });
});

describe('expiry through HTTP, with the cache on a chosen clock', () => {
  test('a cached forecast and overview are served until their validUntil, then rebuilt at the new instant', async () => {
    const { businessId, token } = await emptyBusiness(t);
    const clientId = await createClient(t, 'Clock Client', { businessId });
    const N = Date.parse('2031-05-31T06:00:00.000Z');
    const june = Date.parse('2031-06-01T00:00:00.000Z');
    const job = await createJob(t, { businessId, clientId, start: iso(N + DAY), status: 'BOOKED', priceCents: 2000 });
    await invoiceAt(t, { businessId, clientId, amountCents: 1000, paidAt: new Date(N - DAY) });

    let clock = N;
    const lists = createListCache(t.db.q, 1 << 20, () => clock);
    const call = callerOf(createApp({ ...t.deps, lists }));
    const get = async (path: string) => {
      const res = await call('GET', path, { token });
      expect(res.status).toBe(200);
      return res.body;
    };

    const f0 = (await get('/api/finance/forecasts')).forecast;
    const o0 = (await get('/api/finance/overview')).overview;
    expect(f0.forecast30Days.scheduledRevenueCents).toBe(2000);
    expect(o0).toMatchObject({ thisMonthRevenueCents: 1000, lastMonthRevenueCents: 0 });
    expect(lists.stats().entries).toBe(2);

    // unseen by the version: what is served until the expiry comes from the cache
    await silently((tx) => tx`UPDATE jobs SET price_cents = 2222 WHERE id = ${job}`);
    clock = june - 1;
    expect((await get('/api/finance/forecasts')).forecast).toEqual(f0);
    expect((await get('/api/finance/overview')).overview).toEqual(o0);

    // a new month: the overview is rebuilt at the new instant; the forecast is still the kept one
    clock = june;
    expect((await get('/api/finance/overview')).overview).toMatchObject({ thisMonthRevenueCents: 0, lastMonthRevenueCents: 1000 });
    expect((await get('/api/finance/forecasts')).forecast).toEqual(f0);
    expect((await t.db.q.finance.forecast(businessId, new Date(clock)))!.scheduled30).toBe(2222);

    // the job's start has passed: the forecast is rebuilt, equal to the statement at that instant
    clock = N + DAY + 1;
    const f1 = (await get('/api/finance/forecasts')).forecast;
    expect(f1.forecast30Days.scheduledRevenueCents).toBe(0);
    const direct = (await t.db.q.finance.forecast(businessId, new Date(clock)))!;
    expect(f1.avgDailyRevenueCents).toBe(direct.avgDailyRevenueCents);
    expect(f1.forecast30Days.scheduledRevenueCents).toBe(direct.scheduled30);
  });

  test('breakdowns have no expiry: kept until the data changes, however much time passes', async () => {
    const { businessId, token } = await emptyBusiness(t);
    const clientId = await createClient(t, 'Timeless Client', { businessId });
    const staffId = await staffUser(t, businessId, 'Timeless Walker');
    const job = await createJob(t, { businessId, clientId, staffId, start: '2031-01-01T10:00:00.000Z', status: 'COMPLETED', priceCents: 1000 });
    let clock = Date.parse('2031-05-30T12:00:00.000Z');
    const lists = createListCache(t.db.q, 1 << 20, () => clock);
    const call = callerOf(createApp({ ...t.deps, lists }));
    const first = await call('GET', '/api/finance/breakdowns', { token });
    expect(first.body.byStaff).toEqual([{ staffId, staffName: 'Timeless Walker', revenueCents: 1000, bookingCount: 1 }]);
    await silently((tx) => tx`UPDATE jobs SET price_cents = 5000 WHERE id = ${job}`);
    clock += 10 * 365 * DAY;
    expect((await call('GET', '/api/finance/breakdowns', { token })).text).toBe(first.text);
  });
});
