// The calendar master (src/cache/calendar-cache.ts): after a change, GET /api/bookings/list is patched
// from the jobs written since the kept copy was read, and must be byte for byte what list_calendar
// builds from scratch at that moment, in every view (admin, ?staffId=, each walker). The read counters
// show which kind of read each change cost.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApp } from '../src/app';
import type { CalendarReads } from '../src/cache/calendar-cache';
import { connect, type Db, type TxSql } from '../src/db/client';
import { buildDeps } from '../src/deps';
import { createLogger } from '../src/log';
import {
  adminCreate, createBookingTestApp, createOtherBusiness, DEMO_CLIENT, MAX, SETUP_TIMEOUT_MS, STAFF1, STAFF2,
  type BookingTestApp,
} from './bookings-fixtures';
import { testConfig } from './support/config';
import { callerOf, type Call } from './support/app-caller';

let t: BookingTestApp;
let other: { admin: string; staff: string };

beforeAll(async () => {
  t = await createBookingTestApp();
  other = await createOtherBusiness(t);
  for (const [start, staffId, status] of [
    ['2031-05-01T09:00:00.000Z', STAFF1, 'BOOKED'],
    ['2031-05-01T11:00:00.000Z', STAFF2, 'BOOKED'],
    ['2031-05-02T09:00:00.000Z', null, 'PENDING'],
    ['2031-05-02T11:00:00.000Z', STAFF1, 'PENDING'],
  ] as const) {
    await adminCreate(t, { serviceId: t.ids.svc30, start, staffId, status });
  }
  await expectEveryViewFresh(); // every later read starts from a kept master
}, SETUP_TIMEOUT_MS);
afterAll(() => t.close());

type Entry = Record<string, any>;

/** every view of the demo business: who asks, with which query, and what list_calendar is asked for */
const views = () => [
  { token: t.tokens.admin, query: '', viewer: null, filter: null },
  { token: t.tokens.admin, query: `?staffId=${STAFF1}`, viewer: null, filter: STAFF1 },
  { token: t.tokens.admin, query: `?staffId=${STAFF2}`, viewer: null, filter: STAFF2 },
  { token: t.tokens.staff1, query: '', viewer: STAFF1, filter: null },
  { token: t.tokens.staff2, query: '', viewer: STAFF2, filter: null },
];

const fromScratch = async (viewer: string | null, filter: string | null) =>
  (await t.db.q.jobs.listCalendar('biz_demo', viewer, filter))!.list;

/** each view through HTTP, then the same view built from scratch by list_calendar: the same bytes */
async function expectEveryViewFresh(call: Call = t.call) {
  const lists: Entry[][] = [];
  for (const view of views()) {
    const res = await call('GET', `/api/bookings/list${view.query}`, { token: view.token });
    expect(res.status).toBe(200);
    const scratch = await fromScratch(view.viewer, view.filter);
    expect({ query: view.query, viewer: view.viewer, list: JSON.parse(res.text) }).toEqual({ query: view.query, viewer: view.viewer, list: JSON.parse(scratch) });
    expect(res.text).toBe(scratch);
    lists.push(res.body);
  }
  return lists;
}

const reads = (): CalendarReads => t.deps.calendar.stats().reads;
const readsSince = (before: CalendarReads): CalendarReads => {
  const now = reads();
  return { full: now.full - before.full, changes: now.changes - before.changes, jobs: now.jobs - before.jobs };
};
const oneChangedJob = { full: 0, changes: 1, jobs: 1 };

const post = async (path: string, body: unknown, token = t.tokens.admin) => {
  const res = await t.call('POST', path, { token, body });
  expect(res.status).toBe(200);
  return res.body;
};

const ids = (list: Entry[]) => list.map((j) => j.id);

describe('each change reads only the jobs it wrote', () => {
  test('a new job joins the list', async () => {
    const before = reads();
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-03T09:00:00.000Z', staffId: STAFF2 });
    const [admin] = await expectEveryViewFresh();
    expect(admin!.at(-1)!.id).toBe(job.id);
    expect(readsSince(before)).toEqual(oneChangedJob);
  });

  test('a job moved', async () => {
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-04T09:00:00.000Z' });
    await expectEveryViewFresh();
    const before = reads();
    await post(`/api/bookings/${job.id}/move`, { start: '2031-05-04T15:00:00.000Z' });
    const [admin] = await expectEveryViewFresh();
    expect(admin!.find((j) => j.id === job.id)).toMatchObject({ start: '2031-05-04T15:00:00.000Z', end: '2031-05-04T15:30:00.000Z' });
    expect(readsSince(before)).toEqual(oneChangedJob);
  });

  test('a client request approved and assigned to a walker leaves the other walker and enters its view', async () => {
    const request = await t.call('POST', '/api/client/bookings/request', {
      token: t.tokens.client, body: { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, dogIds: [MAX], dateTime: '2031-05-07T10:00:00.000Z' },
    });
    expect(request.status).toBe(200);
    const jobId = request.body.booking.id as string;
    const [, , , walker1, walker2] = await expectEveryViewFresh();
    // unassigned PENDING: both walkers see it
    expect(ids(walker1!)).toContain(jobId);
    expect(ids(walker2!)).toContain(jobId);

    const before = reads();
    const approved = await post('/api/jobs/approve', { id: jobId });
    expect(approved.job.status).toBe('BOOKED');
    const assigned = approved.job.staffId as string;
    expect([STAFF1, STAFF2]).toContain(assigned);
    const [, byStaff1, byStaff2, walker1After, walker2After] = await expectEveryViewFresh();
    const [mine, theirs] = assigned === STAFF1 ? [walker1After!, walker2After!] : [walker2After!, walker1After!];
    expect(ids(mine)).toContain(jobId);
    expect(ids(theirs)).not.toContain(jobId);
    expect(ids(assigned === STAFF1 ? byStaff1! : byStaff2!)).toContain(jobId);
    expect(readsSince(before)).toEqual(oneChangedJob);
  });

  test('completed, then cancelled', async () => {
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-05T09:00:00.000Z', staffId: STAFF1 });
    await expectEveryViewFresh();
    for (const status of ['COMPLETED', 'CANCELLED']) {
      const before = reads();
      await post(`/api/bookings/${job.id}/update`, { status });
      const [admin] = await expectEveryViewFresh();
      expect(admin!.find((j) => j.id === job.id)!.status).toBe(status);
      expect(readsSince(before)).toEqual(oneChangedJob);
    }
  });

  test('staff reassigned: the job leaves one ?staffId= and walker view and enters the other', async () => {
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-06T09:00:00.000Z', staffId: STAFF1 });
    const [, byStaff1, byStaff2, walker1, walker2] = await expectEveryViewFresh();
    expect([ids(byStaff1!), ids(walker1!)].every((l) => l.includes(job.id))).toBe(true);
    expect([ids(byStaff2!), ids(walker2!)].some((l) => l.includes(job.id))).toBe(false);

    const before = reads();
    await post(`/api/bookings/${job.id}/admin-update`, { staffId: STAFF2 });
    const [, byStaff1After, byStaff2After, walker1After, walker2After] = await expectEveryViewFresh();
    expect([ids(byStaff1After!), ids(walker1After!)].some((l) => l.includes(job.id))).toBe(false);
    expect([ids(byStaff2After!), ids(walker2After!)].every((l) => l.includes(job.id))).toBe(true);
    expect(readsSince(before)).toEqual(oneChangedJob);
  });

  test('a write committed by a second app instance on the same database', async () => {
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-08T09:00:00.000Z' });
    await expectEveryViewFresh();
    const secondDb: Db = connect(t.url);
    try {
      const app = createApp(buildDeps(testConfig(t.url), secondDb, createLogger('silent')));
      const second = callerOf(app);
      await expectEveryViewFresh(second); // the second instance keeps its own master
      const before = reads();
      expect((await second('POST', `/api/bookings/${job.id}/update`, { token: t.tokens.admin, body: { priceCents: 4321, status: 'PENDING' } })).status).toBe(200);
      const [admin] = await expectEveryViewFresh();
      expect(admin!.find((j) => j.id === job.id)).toMatchObject({ priceCents: 4321, status: 'PENDING' });
      expect(readsSince(before)).toEqual(oneChangedJob);
      // and the other way round
      await post(`/api/bookings/${job.id}/update`, { priceCents: 5555 });
      const [theirs] = await expectEveryViewFresh(second);
      expect(theirs!.find((j) => j.id === job.id)!.priceCents).toBe(5555);
    } finally {
      await secondDb.close();
    }
  });

  test('many changes between two reads', async () => {
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await adminCreate(t, { serviceId: t.ids.svc30, start: `2031-05-1${i}T09:00:00.000Z`, staffId: i % 2 ? STAFF1 : null, status: 'PENDING' }));
    await expectEveryViewFresh();
    const before = reads();
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await adminCreate(t, { serviceId: t.ids.svc60, start: `2031-05-2${i}T09:00:00.000Z`, staffId: STAFF2 }));
    await post(`/api/bookings/${made[0]!.id}/move`, { start: '2031-05-25T12:00:00.000Z' });
    await post(`/api/bookings/${made[1]!.id}/update`, { status: 'CANCELLED' });
    await post(`/api/bookings/${made[2]!.id}/admin-update`, { staffId: STAFF1, notes: 'now Sarah' });
    await post(`/api/bookings/${created[0]!.id}/move`, { start: '2031-05-26T12:00:00.000Z' });
    const [admin] = await expectEveryViewFresh();
    expect(ids(admin!.slice(-3))).toEqual(ids(created));
    // 3 new jobs and 3 changed ones (one of the new ones changed twice)
    expect(readsSince(before)).toEqual({ full: 0, changes: 1, jobs: 6 });
  });
});

describe('changes a job row does not show', () => {
  test('client renamed: a full read', async () => {
    const before = reads();
    await post(`/api/clients/${DEMO_CLIENT}/update`, { name: 'Renamed Client', addressLine1: '9 New Street', city: 'Leeds', postcode: 'LS1 1AA' });
    const [admin] = await expectEveryViewFresh();
    expect(admin!.every((j) => j.clientName === 'Renamed Client' && j.address === '9 New Street, Leeds, LS1 1AA')).toBe(true);
    expect(readsSince(before)).toEqual({ full: 1, changes: 0, jobs: admin!.length });
  });

  test('dog renamed (in SQL: no route renames a dog): a full read', async () => {
    const before = reads();
    await t.db.sql`UPDATE dogs SET name = 'Maximus' WHERE id = ${MAX}`;
    const [admin] = await expectEveryViewFresh();
    expect(admin!.every((j) => j.dogNames[0] === 'Maximus')).toBe(true);
    expect(readsSince(before).full).toBe(1);
  });

  test('service renamed: a full read', async () => {
    const before = reads();
    await post(`/api/services/${t.ids.svc30}/update`, { name: 'Half-hour Walk' });
    const [admin] = await expectEveryViewFresh();
    expect(admin!.some((j) => j.serviceName === 'Half-hour Walk')).toBe(true);
    expect(readsSince(before).full).toBe(1);
  });

  test('staff renamed: a full read', async () => {
    const before = reads();
    await post(`/api/staff/${STAFF1}/update`, { name: 'Sarah Renamed' });
    const [, byStaff1] = await expectEveryViewFresh();
    expect(byStaff1!.length).toBeGreaterThan(0);
    expect(byStaff1!.every((j) => j.staffName === 'Sarah Renamed')).toBe(true);
    expect(readsSince(before).full).toBe(1);
  });

  test('a job deleted straight in SQL: the count gives it away, then a full read', async () => {
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-09T09:00:00.000Z', staffId: STAFF1 });
    await expectEveryViewFresh();
    const before = reads();
    await t.db.sql`DELETE FROM jobs WHERE id = ${job.id}`;
    const [admin] = await expectEveryViewFresh();
    expect(ids(admin!)).not.toContain(job.id);
    expect(readsSince(before)).toMatchObject({ full: 1, changes: 1 });
  });

  test('another business changing its data costs this one nothing', async () => {
    await expectEveryViewFresh();
    const before = reads();
    await post('/api/bookings/create', { clientId: 'c_other', serviceId: 'svc_other', dogIds: ['dog_other'], start: '2031-05-09T09:00:00.000Z' }, other.admin);
    await post('/api/clients/c_other/update', { name: 'Other Renamed' }, other.admin);
    await expectEveryViewFresh();
    expect(readsSince(before)).toEqual({ full: 0, changes: 0, jobs: 0 });
    const theirs = await t.call('GET', '/api/bookings/list', { token: other.admin });
    expect(theirs.body.map((j: Entry) => j.clientName)).toEqual(['Other Renamed']);
  });
});

/** runs work in a transaction left open until commit() is called */
async function openTransaction(work: (tx: TxSql) => Promise<unknown>) {
  let release!: () => void;
  let worked!: () => void;
  const ready = new Promise<void>((resolve) => (worked = resolve));
  const done = t.db.sql.begin(async (tx) => {
    await work(tx);
    worked();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await Promise.race([ready, done]);
  return {
    commit: async () => {
      release();
      await done;
    },
  };
}

describe('writes racing the kept copy', () => {
  test('a job written in a savepoint of a transaction already running when the master was read', async () => {
    // the subtransaction's id is below that snapshot's xmax and not in its list of running ids,
    // so pg_visible_in_snapshot would call it visible; the job must still be read when it commits
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-10T09:00:00.000Z' });
    await expectEveryViewFresh();
    const running = await openTransaction(async (tx) => {
      await tx`SELECT pg_current_xact_id()`;
      await tx.savepoint((sp) => sp`UPDATE jobs SET notes = 'from a savepoint' WHERE id = ${job.id}`);
    });
    await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-10T11:00:00.000Z' });
    await expectEveryViewFresh(); // the master is read while the savepoint's transaction runs
    await running.commit();
    const [admin] = await expectEveryViewFresh();
    expect(admin!.find((j) => j.id === job.id)!.notes).toBe('from a savepoint');
  });

  test('a job that takes its seq first but commits last is put back in seq order', async () => {
    const template = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-11T09:00:00.000Z' });
    await expectEveryViewFresh();
    const early = await openTransaction((tx) => tx`
      INSERT INTO jobs (id, business_id, client_id, dog_ids, staff_id, service_id, start_raw, start_at, end_at, status, price_cents, notes)
      SELECT 'job_early_seq', business_id, client_id, dog_ids, staff_id, service_id, start_raw, start_at, end_at, status, price_cents, 'early seq'
      FROM jobs WHERE id = ${template.id}`);
    const late = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-11T11:00:00.000Z' });
    const [admin] = await expectEveryViewFresh();
    expect(ids(admin!)).not.toContain('job_early_seq');
    await early.commit();
    const [after] = await expectEveryViewFresh();
    expect(ids(after!).slice(-2)).toEqual(['job_early_seq', late.id]);
  });

  test('the views asked for at once after a change share one read', async () => {
    await expectEveryViewFresh();
    await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-05-12T09:00:00.000Z', staffId: STAFF2 });
    const before = reads();
    const statuses = await Promise.all(views().map((view) => t.call('GET', `/api/bookings/list${view.query}`, { token: view.token }).then((res) => res.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(readsSince(before)).toEqual(oneChangedJob);
    await expectEveryViewFresh();
  });

  test('concurrent writes and reads: the list after them equals a build from scratch, no job lost', async () => {
    const base = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-06-01T09:00:00.000Z', staffId: STAFF1 });
    await expectEveryViewFresh();
    const writes = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 2
        ? t.call('POST', `/api/bookings/${base.id}/update`, { token: t.tokens.admin, body: { priceCents: 1000 + i } }).then(() => null)
        : adminCreate(t, { serviceId: t.ids.svc30, start: `2031-06-${String(i + 2).padStart(2, '0')}T09:00:00.000Z`, staffId: i % 2 ? STAFF2 : null }),
    );
    const listReads = views().flatMap((view) =>
      [0, 1].map(() => t.call('GET', `/api/bookings/list${view.query}`, { token: view.token }).then((res) => res.status)),
    );
    const [created, statuses] = await Promise.all([Promise.all(writes), Promise.all(listReads)]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const [admin] = await expectEveryViewFresh();
    const createdIds = created.filter((job) => job !== null).map((job) => job!.id as string);
    expect(createdIds).toHaveLength(8);
    expect(createdIds.every((id) => ids(admin!).includes(id))).toBe(true);
  });
});

describe('memory', () => {
  test('the master of each business counts its documents against the bound', async () => {
    await expectEveryViewFresh();
    await t.call('GET', '/api/bookings/list', { token: other.admin });
    const docs = await t.db.sql<{ bytes: number; n: number }[]>`
      SELECT sum(length(doc::text))::int AS bytes, count(*)::int AS n FROM job_calendar_entries WHERE business_id IN ('biz_demo', 'biz_other')`;
    const stats = t.deps.calendar.stats();
    expect(stats.masters).toBe(2);
    expect(stats.bytes).toBeGreaterThan(docs[0]!.bytes);
    expect(stats.bytes).toBeLessThanOrEqual(stats.maxBytes);
  });
});
