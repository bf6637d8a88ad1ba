// The list cache (src/cache/list-cache.ts): GET /api/bookings/list and /api/invoice-items/pending are
// kept per business and view, and every committed change to what they show is in the next response:
// through this instance, through a second instance on the same database, or straight in SQL.
// A write with the data-version triggers switched off shows that the lists really are served from
// the cache (otherwise every other test here would pass without one).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApp } from '../src/app';
import { connect, type Db } from '../src/db/client';
import { createListCache } from '../src/cache/list-cache';
import { buildDeps } from '../src/deps';
import { createLogger } from '../src/log';
import { adminCreate, createBookingTestApp, createOtherBusiness, DEMO_CLIENT, MAX, SETUP_TIMEOUT_MS, STAFF1, STAFF2, type BookingTestApp } from './bookings-fixtures';
import { createTestApp } from './support/app';
import { callerOf, type Call } from './support/app-caller';
import { testConfig } from './support/config';

let t: BookingTestApp;
let other: { admin: string; staff: string };

beforeAll(async () => {
  t = await createBookingTestApp();
  other = await createOtherBusiness(t);
}, SETUP_TIMEOUT_MS);
afterAll(() => t.close());

type Entry = Record<string, any>;

async function list(call: Call, token: string, query = ''): Promise<Entry[]> {
  const res = await call('GET', `/api/bookings/list${query}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

const entryOf = async (jobId: string, token = t.tokens.admin, query = '') =>
  (await list(t.call, token, query)).find((j) => j.id === jobId);

async function pendingItems(token = t.tokens.admin): Promise<Entry[]> {
  const res = await t.call('GET', '/api/invoice-items/pending', { token });
  expect(res.status).toBe(200);
  return res.body;
}

const post = async (path: string, body: unknown, token = t.tokens.admin) => {
  const res = await t.call('POST', path, { token, body });
  expect(res.status).toBe(200);
  return res.body;
};

/** a booking created (and listed, so the list is cached before the change under test) */
async function listedBooking(body: Record<string, unknown> = {}) {
  const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-03-03T09:00:00.000Z', ...body });
  expect(await entryOf(job.id)).toBeDefined();
  return job;
}

describe('served from the cache', () => {
  test('a change that bypasses the version triggers is not seen; the next counted change shows everything', async () => {
    const job = await listedBooking({ notes: 'before' });
    await t.db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`; // disables the (non-ALWAYS) triggers
      await tx`UPDATE jobs SET notes = 'silent' WHERE id = ${job.id}`;
    });
    expect((await entryOf(job.id))!.notes).toBe('before');
    expect(t.deps.lists.stats().entries).toBeGreaterThan(0);

    await post(`/api/bookings/${job.id}/update`, { priceCents: 1234 });
    const after = (await entryOf(job.id))!;
    expect(after.notes).toBe('silent');
    expect(after.priceCents).toBe(1234);
  });

  test('the approval queue (GET /api/jobs/pending) too: kept until a counted change', async () => {
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-03-06T09:00:00.000Z', status: 'PENDING', notes: 'queued' });
    const queued = async () => ((await t.call('GET', '/api/jobs/pending', { token: t.tokens.admin })).body as any[]).find((j) => j.id === job.id);
    expect((await queued()).notes).toBe('queued');
    await t.db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`UPDATE jobs SET notes = 'silent' WHERE id = ${job.id}`;
    });
    expect((await queued()).notes).toBe('queued');
    await post('/api/jobs/approve', { id: job.id });
    expect(await queued()).toBeUndefined();
  });
});

describe('every write that changes the list is in the next list', () => {
  test('create', async () => {
    const before = await list(t.call, t.tokens.admin);
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2031-03-04T09:00:00.000Z' });
    const after = await list(t.call, t.tokens.admin);
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.id).toBe(job.id);
  });

  test('move', async () => {
    const job = await listedBooking();
    await post(`/api/bookings/${job.id}/move`, { start: '2031-03-05T14:00:00.000Z' });
    const moved = (await entryOf(job.id))!;
    expect(moved.start).toBe('2031-03-05T14:00:00.000Z');
    expect(moved.end).toBe('2031-03-05T14:30:00.000Z');
  });

  test('update of status, staff and price, seen by the admin, the ?staffId filter and both walkers', async () => {
    const job = await listedBooking({ staffId: STAFF1 });
    expect(await entryOf(job.id, t.tokens.admin, `?staffId=${STAFF1}`)).toBeDefined();
    expect(await entryOf(job.id, t.tokens.staff1)).toBeDefined();
    expect(await entryOf(job.id, t.tokens.staff2)).toBeUndefined();

    await post(`/api/bookings/${job.id}/update`, { status: 'CANCELLED', staffId: STAFF2, priceCents: 777 });
    const updated = (await entryOf(job.id))!;
    expect(updated).toMatchObject({ status: 'CANCELLED', staffId: STAFF2, staffName: 'John Walker', priceCents: 777 });
    expect(await entryOf(job.id, t.tokens.admin, `?staffId=${STAFF1}`)).toBeUndefined();
    expect(await entryOf(job.id, t.tokens.admin, `?staffId=${STAFF2}`)).toBeDefined();
    expect(await entryOf(job.id, t.tokens.staff1)).toBeUndefined();
    expect(await entryOf(job.id, t.tokens.staff2)).toBeDefined();
  });

  test('approve', async () => {
    const job = await listedBooking({ status: 'PENDING', start: '2031-03-06T10:00:00.000Z' });
    expect((await entryOf(job.id))!.status).toBe('PENDING');
    await post('/api/jobs/approve', { id: job.id });
    expect((await entryOf(job.id))!.status).toBe('BOOKED');
  });

  test('client rename and address change (calendar and pending invoice items)', async () => {
    const job = await listedBooking({ start: '2031-03-07T10:00:00.000Z' });
    await post(`/api/bookings/${job.id}/update`, { status: 'COMPLETED' });
    const group = (await pendingItems()).find((g) => g.clientId === DEMO_CLIENT)!;
    expect(group.items.some((i: Entry) => i.jobId === job.id)).toBe(true);

    await post(`/api/clients/${DEMO_CLIENT}/update`, { name: 'Renamed Client', addressLine1: '9 New Street', city: 'Leeds', postcode: 'LS1 1AA', lat: 53.8, lng: -1.5 });
    expect(await entryOf(job.id)).toMatchObject({ clientName: 'Renamed Client', addressLine1: '9 New Street', address: '9 New Street, Leeds, LS1 1AA' });
    expect((await pendingItems()).find((g) => g.clientId === DEMO_CLIENT)!.clientName).toBe('Renamed Client');
  });

  test('dog rename (no route renames a dog: written in SQL, as another program would)', async () => {
    const job = await listedBooking({ dogIds: [MAX] });
    await t.db.sql`UPDATE dogs SET name = 'Maximus' WHERE id = ${MAX}`;
    const entry = (await entryOf(job.id))!;
    expect(entry.dogNames).toEqual(['Maximus']);
    expect(entry.dogs).toEqual([{ dogId: MAX, name: 'Maximus' }]);
  });

  test('service rename', async () => {
    const job = await listedBooking();
    await post(`/api/services/${t.ids.svc30}/update`, { name: 'Half-hour Walk' });
    expect((await entryOf(job.id))!.serviceName).toBe('Half-hour Walk');
  });

  test('staff rename', async () => {
    const job = await listedBooking({ staffId: STAFF1 });
    expect(await entryOf(job.id, t.tokens.staff1)).toBeDefined();
    await post(`/api/staff/${STAFF1}/update`, { name: 'Sarah Renamed' });
    expect((await entryOf(job.id))!.staffName).toBe('Sarah Renamed');
    expect((await entryOf(job.id, t.tokens.staff1))!.staffName).toBe('Sarah Renamed');
  });

  test('a write through a second app instance on the same database', async () => {
    const job = await listedBooking();
    const secondDb: Db = connect(t.url);
    try {
      const second = callerOf(createApp(buildDeps(testConfig(t.url), secondDb, createLogger('silent'))));
      const call = async (method: string, path: string, body?: unknown) => {
        const res = await second(method, path, { token: t.tokens.admin, body });
        expect(res.status).toBe(200);
        return res.body;
      };
      // the second instance caches its own copy, then changes the job; the first must not serve its copy
      expect((await call('GET', '/api/bookings/list')).some((j: Entry) => j.id === job.id)).toBe(true);
      await call('POST', `/api/bookings/${job.id}/update`, { status: 'PENDING', priceCents: 4321 });
      expect(await entryOf(job.id)).toMatchObject({ status: 'PENDING', priceCents: 4321 });
      // and the other way round
      await post(`/api/bookings/${job.id}/update`, { priceCents: 5555 });
      expect((await call('GET', '/api/bookings/list')).find((j: Entry) => j.id === job.id).priceCents).toBe(5555);
    } finally {
      await secondDb.close();
    }
  });

  test('a rolled-back change is not a change: the list stays as it was', async () => {
    const job = await listedBooking({ notes: 'kept' });
    const version = async () => (await t.db.sql`SELECT sum(version)::text AS v FROM business_data_versions WHERE business_id = 'biz_demo'`)[0]!.v;
    const before = await version();
    await t.db.sql
      .begin(async (tx) => {
        await tx`UPDATE jobs SET notes = 'rolled back' WHERE id = ${job.id}`;
        throw new Error('abort');
      })
      .catch(() => {});
    expect(await version()).toBe(before);
    expect((await entryOf(job.id))!.notes).toBe('kept');
  });
});

describe('businesses never see each other', () => {
  test('each admin lists only its own jobs, cached side by side; a change in one does not leak into the other', async () => {
    const ours = await listedBooking();
    const theirs = (await post('/api/bookings/create', { clientId: 'c_other', serviceId: 'svc_other', dogIds: ['dog_other'], start: '2031-03-09T09:00:00.000Z' }, other.admin)).job;
    for (let round = 0; round < 2; round++) {
      const mine = await list(t.call, t.tokens.admin);
      const yours = await list(t.call, other.admin);
      expect(mine.every((j) => j.businessId === 'biz_demo')).toBe(true);
      expect(yours.every((j) => j.businessId === 'biz_other')).toBe(true);
      expect(mine.some((j) => j.id === ours.id) && !mine.some((j) => j.id === theirs.id)).toBe(true);
      expect(yours.map((j) => j.id)).toEqual([theirs.id]);
      expect((await list(t.call, other.staff)).every((j) => j.businessId === 'biz_other')).toBe(true);
      // the same staff filter asked by the other business's admin finds none of ours
      expect(await list(t.call, other.admin, `?staffId=${STAFF1}`)).toEqual([]);
      expect((await pendingItems(other.admin)).every((g) => g.items.every((i: Entry) => i.businessId === 'biz_other'))).toBe(true);
      await post(`/api/bookings/${theirs.id}/update`, { priceCents: 100 + round }, other.admin);
    }
    expect((await list(t.call, other.admin))[0].priceCents).toBe(101);
  });
});

describe('memory bound', () => {
  test('kept bytes never exceed the bound; the least recently used list goes first; lists stay right', async () => {
    const adminBytes = Buffer.byteLength((await t.call('GET', '/api/bookings/list', { token: t.tokens.admin })).text);
    const staffBytes = Buffer.byteLength((await t.call('GET', '/api/bookings/list', { token: t.tokens.staff1 })).text);
    expect(staffBytes).toBeGreaterThan(2); // the walker has jobs by now
    const bound = adminBytes + staffBytes - 1; // either list fits, both do not
    const lists = createListCache(t.db.q, bound);
    const call = callerOf(createApp({ ...t.deps, lists }));

    const fresh = await list(call, t.tokens.admin);
    expect(lists.stats()).toEqual({ entries: 1, bytes: adminBytes, maxBytes: bound });
    await list(call, t.tokens.staff1);
    expect(lists.stats()).toEqual({ entries: 1, bytes: staffBytes, maxBytes: bound });
    expect(await list(call, t.tokens.admin)).toEqual(fresh);
    expect(lists.stats()).toEqual({ entries: 1, bytes: adminBytes, maxBytes: bound });
  });

  test('LIST_CACHE_MAX_BYTES: a list larger than the bound is served and never kept', async () => {
    const tiny = await createTestApp({ LIST_CACHE_MAX_BYTES: '10' });
    try {
      const admin = await tiny.tokenFor('u_demo_admin');
      const services = await tiny.db.sql<{ id: string }[]>`SELECT id FROM services WHERE business_id = 'biz_demo' LIMIT 1`;
      const created = await tiny.call('POST', '/api/bookings/create', {
        token: admin,
        body: { clientId: DEMO_CLIENT, dogIds: [MAX], serviceId: services[0]!.id, start: '2031-03-03T09:00:00.000Z' },
      });
      expect(created.status).toBe(200);
      const first = await list(tiny.call, admin);
      expect(first.map((j) => j.id)).toEqual([created.body.job.id]);
      expect(tiny.deps.lists.stats()).toEqual({ entries: 0, bytes: 0, maxBytes: 10 });
      expect(await list(tiny.call, admin)).toEqual(first);
    } finally {
      await tiny.close();
    }
  }, SETUP_TIMEOUT_MS);
});
