// Repeated and concurrent requests change things once. The double-submit rule for booking creation
// (src/repo/jobs.ts createOnce): a create request whose booking already exists — same client,
// service, start, dogs, walker, status and notes, created in the last 60 s and unchanged since —
// answers with that booking instead of a second one, also when the copies arrive at once.
// The other races are tested beside their routes:
//   staff confirm, concurrent completions, approvals of overlapping requests: bookings-calendar.test.ts
//   invoice generation (same items, two identical calls), mark-paid, mark-sent: invoices.test.ts
//   webhook redelivery, parallel deliveries, two events for one invoice: payments-webhook.test.ts
//   one mail per event key, two outbox workers: email-triggers.test.ts, email-delivery.test.ts
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { countJobs, createBookingTestApp, DEMO_CLIENT, MAX, SETUP_TIMEOUT_MS, STAFF1, type BookingTestApp } from './bookings-fixtures';

let t: BookingTestApp;
beforeAll(async () => {
  t = await createBookingTestApp();
}, SETUP_TIMEOUT_MS);
afterAll(() => t.close());

const times = <T>(n: number, fn: () => Promise<T>) => Promise.all(Array.from({ length: n }, fn));

const adminCreate = (body: Record<string, unknown>) =>
  t.call('POST', '/api/bookings/create', { token: t.tokens.admin, body: { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, dogIds: [MAX], ...body } });
const clientRequest = (dateTime: string, extra: Record<string, unknown> = {}) =>
  t.call('POST', '/api/client/bookings/request', {
    token: t.tokens.client, body: { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, dogIds: [MAX], dateTime, ...extra },
  });
const jobsAt = async (start: string) =>
  [...(await t.db.sql<{ id: string; status: string }[]>`SELECT id, status FROM jobs WHERE client_id = ${DEMO_CLIENT} AND start_raw = ${start} ORDER BY seq`)];
const createdEvents = () => t.events.filter((e) => e.event === 'booking:created').length;

describe('double-submitted booking creation', () => {
  test('admin create sent five times at once: one booking, every answer is that booking', async () => {
    const [jobsBefore, eventsBefore] = [await countJobs(t), createdEvents()];
    const start = '2031-02-03T09:00:00.000Z';
    const results = await times(5, () => adminCreate({ start, staffId: STAFF1, notes: 'Gate code 1234' }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const rows = await jobsAt(start);
    expect(rows.length).toBe(1);
    for (const r of results) expect(r.body).toEqual({ job: results[0].body.job });
    expect(results[0].body.job).toMatchObject({ id: rows[0].id, status: 'BOOKED', staffId: STAFF1, notes: 'Gate code 1234' });
    expect(await countJobs(t)).toBe(jobsBefore + 1);
    expect(createdEvents()).toBe(eventsBefore + 1);
  });

  test('client portal create sent three times at once: one PENDING booking', async () => {
    const start = '2031-02-04T09:00:00.000Z';
    const body = { clientId: DEMO_CLIENT, businessId: 'biz_demo', serviceId: t.ids.svc30, dogIds: [MAX], start };
    const results = await times(3, () => t.call('POST', '/api/jobs/create', { token: t.tokens.client, body }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body.job.id)).size).toBe(1);
    expect(await jobsAt(start)).toEqual([{ id: results[0].body.job.id, status: 'PENDING' }]);
  });

  test('client booking request sent four times at once: one booking and one mail to the business', async () => {
    const start = '2031-02-05T11:00:00.000Z';
    const results = await times(4, () => clientRequest(start, { notes: 'Side gate' }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const r of results) expect(r.body).toEqual({ success: true, booking: results[0].body.booking });
    const rows = await jobsAt(start);
    expect(rows).toEqual([{ id: results[0].body.booking.id, status: 'PENDING' }]);
    const mails = await t.db.sql`SELECT event_key FROM email_outbox WHERE ref_id = ${rows[0].id}`;
    expect(mails.map((m) => m.event_key)).toEqual([`booking-requested:${rows[0].id}`]);
  });

  test('dog order does not make a request different', async () => {
    const [dog2] = await t.db.sql`INSERT INTO dogs (id, client_id, name) VALUES ('dog_idem_2', ${DEMO_CLIENT}, 'Bella') RETURNING id`;
    const start = '2031-02-06T09:00:00.000Z';
    const [a, b] = await Promise.all([adminCreate({ start, dogIds: [MAX, dog2.id] }), adminCreate({ start, dogIds: [dog2.id, MAX] })]);
    expect(a.body.job.id).toBe(b.body.job.id);
    expect((await jobsAt(start)).length).toBe(1);
  });

  test('a request that differs in any booked detail is a new booking', async () => {
    const start = '2031-02-07T09:00:00.000Z';
    const variants = [
      { start },
      { start: '2031-02-07T09:00:00Z' }, // another spelling of the instant: a different request
      { start, serviceId: t.ids.svc60 },
      { start, dogIds: [] },
      { start, staffId: STAFF1 },
      { start, status: 'PENDING' },
      { start, notes: 'second walk' },
    ];
    const results = await Promise.all(variants.map((v) => adminCreate(v)));
    expect(results.map((r) => r.status)).toEqual(variants.map(() => 200));
    expect(new Set(results.map((r) => r.body.job.id)).size).toBe(variants.length);
  });

  test('the same request again after the booking changed, or after the window, creates a new booking', async () => {
    const start = '2031-02-10T10:00:00.000Z';
    const first = (await clientRequest(start)).body.booking.id;
    // cancelled by the client and requested again at once: a new booking
    await t.call('POST', '/api/jobs/cancel', { token: t.tokens.client, body: { id: first } });
    const second = (await clientRequest(start)).body.booking.id;
    expect(second).not.toBe(first);
    // approved: a fresh request for the same slot is a new one, not the approved booking
    expect((await t.call('POST', '/api/jobs/approve', { token: t.tokens.admin, body: { id: second } })).status).toBe(200);
    const third = (await clientRequest(start)).body.booking;
    expect(third).toMatchObject({ status: 'PENDING' });
    expect(third.id).not.toBe(second);
    // the same request a minute later is deliberate, not a double click
    await t.db.sql`UPDATE jobs SET created_at = created_at - interval '61 seconds' WHERE id = ${third.id}`;
    const fourth = (await clientRequest(start)).body.booking.id;
    expect(fourth).not.toBe(third.id);
    expect((await jobsAt(start)).map((r) => r.status)).toEqual(['CANCELLED', 'BOOKED', 'PENDING', 'PENDING']);
  });

  test('a refused request is refused every time and writes nothing', async () => {
    const before = await countJobs(t);
    const results = await times(3, () => adminCreate({ start: '2031-02-11T09:00:00.000Z', dogIds: ['dog_not_ours'] }));
    for (const r of results) expect(r).toMatchObject({ status: 400, body: { error: 'One or more dogs do not belong to this client' } });
    expect(await countJobs(t)).toBe(before);
  });
});

describe('concurrent changes of one booking', () => {
  test('four approvals at once: BOOKED with one walker, one approval mail', async () => {
    const id = (await clientRequest('2031-03-03T10:00:00.000Z')).body.booking.id;
    const results = await times(4, () => t.call('POST', '/api/jobs/approve', { token: t.tokens.admin, body: { id } }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const staff = new Set(results.map((r) => r.body.job.staffId));
    expect(staff.size).toBe(1);
    const [row] = await t.db.sql`SELECT status, staff_id FROM jobs WHERE id = ${id}`;
    expect(row).toEqual({ status: 'BOOKED', staff_id: [...staff][0] });
    const mails = await t.db.sql`SELECT kind FROM email_outbox WHERE ref_id = ${id} ORDER BY id`;
    expect(mails.map((m) => m.kind)).toEqual(['booking-requested', 'booking-approved']);
  });

  test('approve and decline at once: the job ends in the state of whichever ran last, with its mail last', async () => {
    const id = (await clientRequest('2031-03-04T10:00:00.000Z')).body.booking.id;
    const [approve, decline] = await Promise.all([
      t.call('POST', '/api/jobs/approve', { token: t.tokens.admin, body: { id } }),
      t.call('POST', '/api/jobs/decline', { token: t.tokens.admin, body: { id } }),
    ]);
    expect([approve.status, decline.status]).toEqual([200, 200]);
    const [row] = await t.db.sql`SELECT status FROM jobs WHERE id = ${id}`;
    const mails = await t.db.sql`SELECT kind FROM email_outbox WHERE ref_id = ${id} ORDER BY id`;
    const last = mails.at(-1)!.kind;
    expect(row.status === 'BOOKED' ? 'booking-approved' : 'booking-cancelled').toBe(last);
    expect(mails.length).toBeLessThanOrEqual(3);
  });

  test('staff confirm and client cancel at once: exactly one of them applies', async () => {
    const job = (await adminCreate({ start: '2031-03-05T10:00:00.000Z', staffId: STAFF1, status: 'PENDING' })).body.job;
    const [confirm, cancel] = await Promise.all([
      t.call('POST', `/api/bookings/${job.id}/staff-confirm`, { token: t.tokens.staff1 }),
      t.call('POST', '/api/jobs/cancel', { token: t.tokens.client, body: { id: job.id } }),
    ]);
    const [row] = await t.db.sql`SELECT status FROM jobs WHERE id = ${job.id}`;
    if (confirm.status === 200) {
      expect(row.status).toBe('BOOKED');
      expect(cancel.status).toBe(400);
    } else {
      expect(row.status).toBe('CANCELLED');
      expect(confirm.body).toEqual({ error: 'Only PENDING bookings can be confirmed' });
    }
  });
});
