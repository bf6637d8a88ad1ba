// Calendars, one booking, drag and drop, walking routes and GPX, cross-business refusals and
// concurrent double submits, all through HTTP.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import {
  adminCreate, countJobs, createBookingTestApp, createOtherBusiness, DEMO_CLIENT, invoiceItemsOf, MAX, STAFF1, STAFF2,
  SETUP_TIMEOUT_MS, type BookingTestApp,
} from './bookings-fixtures';

let t: BookingTestApp;
let other: { admin: string; staff: string };
let jobA: Record<string, any>; // PENDING, Sarah
let jobB: Record<string, any>; // BOOKED, John
let jobC: Record<string, any>; // PENDING, unassigned
let jobD: Record<string, any>; // CANCELLED, unassigned, same day as A and B
beforeAll(async () => {
  t = await createBookingTestApp();
  other = await createOtherBusiness(t);
  jobA = await adminCreate(t, { serviceId: t.ids.svc30, start: '2030-01-07T10:00:00.000Z', staffId: STAFF1, status: 'PENDING' });
  jobB = await adminCreate(t, { serviceId: t.ids.svc60, start: '2030-01-07T14:05:00.000Z', staffId: STAFF2 });
  jobC = await adminCreate(t, { serviceId: t.ids.svc30, start: '2030-01-09T09:30:00.000Z', status: 'PENDING' });
  jobD = await adminCreate(t, { serviceId: t.ids.svc30, start: '2030-01-07T08:00', status: 'CANCELLED' });
}, SETUP_TIMEOUT_MS);
afterAll(() => t.close());

const ids = (list: { id: string }[]) => list.map((j) => j.id);

describe('GET /api/bookings/list', () => {
  test('admin: every job in creation order with the full enrichment', async () => {
    const res = await t.call('GET', '/api/bookings/list', { token: t.tokens.admin });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([jobA.id, jobB.id, jobC.id, jobD.id]);
    expect(res.body[1]).toEqual({
      ...jobB, dateTime: jobB.start, clientName: 'Demo Client', addressLine1: '5 Charles Kidnee Way',
      address: '5 Charles Kidnee Way, Stoke Mandeville, HP223AA', serviceName: '60min Dog Walk', duration: 60,
      staffName: 'John Walker', dogNames: ['Max'], dogs: [{ dogId: MAX, name: 'Max' }],
    });
    expect(res.body[2].staffName).toBeNull();
  });

  test('admin staffId filter; staff see their own plus unassigned PENDING and cannot filter', async () => {
    const filtered = await t.call('GET', `/api/bookings/list?staffId=${STAFF2}`, { token: t.tokens.admin });
    expect(ids(filtered.body)).toEqual([jobB.id]);
    const staff = await t.call('GET', `/api/bookings/list?staffId=${STAFF2}`, { token: t.tokens.staff1 });
    expect(ids(staff.body)).toEqual([jobA.id, jobC.id]);
  });

  test('clients are refused, anonymous callers unauthenticated, other businesses see none of it', async () => {
    const client = await t.call('GET', '/api/bookings/list', { token: t.tokens.client });
    expect([client.status, client.body]).toEqual([403, { error: 'forbidden: business access required' }]);
    expect((await t.call('GET', '/api/bookings/list')).status).toBe(401);
    const foreign = await t.call('GET', '/api/bookings/list', { token: other.admin });
    expect(foreign.body).toEqual([]);
  });
});

describe('GET /api/bookings/by-date', () => {
  test('rows of that start date, any status, with UTC HH:mm', async () => {
    const res = await t.call('GET', '/api/bookings/by-date?date=2030-01-07', { token: t.tokens.admin });
    expect(res.body).toEqual([
      { bookingId: jobA.id, clientName: 'Demo Client', serviceName: '30min Dog Walk', start: jobA.start, startTimeFormatted: '10:00', addressLine1: '5 Charles Kidnee Way' },
      { bookingId: jobB.id, clientName: 'Demo Client', serviceName: '60min Dog Walk', start: jobB.start, startTimeFormatted: '14:05', addressLine1: '5 Charles Kidnee Way' },
      { bookingId: jobD.id, clientName: 'Demo Client', serviceName: '30min Dog Walk', start: '2030-01-07T08:00', startTimeFormatted: '08:00', addressLine1: '5 Charles Kidnee Way' },
    ]);
  });

  test('staff always get [] (legacy quirk); a missing date is a 400', async () => {
    expect((await t.call('GET', '/api/bookings/by-date?date=2030-01-07', { token: t.tokens.staff1 })).body).toEqual([]);
    const res = await t.call('GET', '/api/bookings/by-date', { token: t.tokens.admin });
    expect([res.status, res.body]).toEqual([400, { error: 'Missing date' }]);
  });
});

describe('GET /api/bookings/:bookingId', () => {
  test('admin and the assigned walker get the enriched booking; others are refused', async () => {
    const admin = await t.call('GET', `/api/bookings/${jobA.id}`, { token: t.tokens.admin });
    expect(admin.body).toMatchObject({ id: jobA.id, staffName: 'Sarah Walker', duration: 30 });
    expect((await t.call('GET', `/api/bookings/${jobA.id}`, { token: t.tokens.staff1 })).status).toBe(200);
    const cases: [string, string, number, string][] = [
      [jobB.id, t.tokens.staff1, 403, 'forbidden: can only view bookings assigned to you'],
      [jobC.id, t.tokens.staff1, 403, 'forbidden: can only view bookings assigned to you'],
      ['job_nope', t.tokens.admin, 404, 'Booking not found'],
      [jobA.id, other.admin, 403, 'forbidden: cannot access bookings from other businesses'],
      [jobA.id, t.tokens.client, 403, 'forbidden: business access required'],
    ];
    for (const [id, token, status, error] of cases) {
      const res = await t.call('GET', `/api/bookings/${id}`, { token });
      expect({ id, status: res.status, body: res.body }).toEqual({ id, status, body: { error } });
    }
  });

  test('/api/bookings/by-client/:id does not exist', async () => {
    const res = await t.call('GET', `/api/bookings/by-client/${DEMO_CLIENT}`, { token: t.tokens.admin });
    expect([res.status, res.body]).toEqual([404, { error: 'Not found' }]);
  });
});

describe('POST /api/bookings/:bookingId/move', () => {
  test('checks the start before authenticating', async () => {
    const res = await t.call('POST', `/api/bookings/${jobB.id}/move`, { body: {} });
    expect([res.status, res.body]).toEqual([400, { error: 'Start time required' }]);
    expect((await t.call('POST', `/api/bookings/${jobB.id}/move`, { body: { start: '2030-01-07T15:00:00.000Z' } })).status).toBe(401);
  });

  test('moves start and end, emits three events, returns the enriched booking', async () => {
    t.events.length = 0;
    const res = await t.call('POST', `/api/bookings/${jobB.id}/move`, { token: t.tokens.admin, body: { start: '2030-01-07T15:00:00.000Z' } });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.booking).toMatchObject({ start: '2030-01-07T15:00:00.000Z', end: '2030-01-07T16:00:00.000Z', dateTime: '2030-01-07T15:00:00.000Z', staffName: 'John Walker' });
    expect(t.events.map((e) => [e.event, e.payload.scope])).toEqual([['booking:updated', undefined], ['stats:changed', 'bookings'], ['stats:changed', 'all']]);
    const mine = await t.call('POST', `/api/bookings/${jobB.id}/move`, { token: t.tokens.staff2, body: { start: '2030-01-07T16:00:00.000Z' } });
    expect(mine.body.booking.end).toBe('2030-01-07T17:00:00.000Z');
  });

  test('refusals write nothing', async () => {
    const cases: [string, string, unknown, number, string][] = [
      [jobB.id, t.tokens.staff1, { start: '2030-01-07T16:00:00.000Z' }, 403, 'forbidden: can only move bookings assigned to you'],
      [jobB.id, other.admin, { start: '2030-01-07T16:00:00.000Z' }, 403, 'forbidden: cannot update bookings from other businesses'],
      ['job_nope', t.tokens.admin, { start: '2030-01-07T16:00:00.000Z' }, 404, 'Booking not found'],
      [jobB.id, t.tokens.admin, { start: 'tomorrowish' }, 400, 'Invalid time value'],
    ];
    const before = (await t.call('GET', `/api/bookings/${jobB.id}`, { token: t.tokens.admin })).body;
    for (const [id, token, body, status, error] of cases) {
      const res = await t.call('POST', `/api/bookings/${id}/move`, { token, body });
      expect({ id, status: res.status, body: res.body }).toEqual({ id, status, body: { error } });
    }
    expect((await t.call('GET', `/api/bookings/${jobB.id}`, { token: t.tokens.admin })).body).toEqual(before);
  });
});

describe('walking routes and GPX', () => {
  test('generate-route builds the legacy circle around the client (cookie auth alone)', async () => {
    t.events.length = 0;
    const res = await t.call('POST', `/api/bookings/${jobA.id}/generate-route`, { headers: { cookie: `token=${t.tokens.admin}` } });
    expect(res.status).toBe(200);
    const { route, booking } = res.body;
    // the verified legacy example: lat 51.7955, lng -0.8055, 30 minutes
    expect(route.geojson.geometry.coordinates[0][1]).toBeCloseTo(51.79835942635844, 12);
    expect(route.geojson.geometry.coordinates[1][0]).toBeCloseTo(-0.8022306254872194, 12);
    expect(route.geojson.geometry.coordinates[8]).toEqual([-0.8055, 51.7955]);
    expect(route.geojson.geometry.coordinates).toHaveLength(9);
    expect(route.geojson.properties).toEqual({ name: 'Walking Route', distance: 2000, duration: 30 });
    expect([route.distanceMeters, route.durationMinutes]).toEqual([2000, 30]);
    expect(booking.route).toEqual(route);
    expect(t.events.map((e) => e.event)).toEqual(['booking:updated', 'stats:changed']);
    expect(JSON.stringify(t.events)).not.toContain('geojson');
  });

  test('GPX download with the cookie alone', async () => {
    const res = await t.call('GET', `/api/bookings/${jobA.id}/download-gpx`, { headers: { cookie: `token=${t.tokens.staff1}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gpx+xml');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="route_Demo_Client_2030-01-07.gpx"');
    const lines = res.text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gpx version="1.1" creator="Pawtimation CRM" xmlns="http://www.topografix.com/GPX/1/1">',
      '  <metadata>',
      '    <name>Demo_Client Walking Route</name>',
      '    <desc>Dog walking route (2.00 km, 30 min)</desc>',
    ]);
    expect(lines[11]).toBe('      <trkpt lat="51.798359" lon="-0.805500"></trkpt>');
    expect(lines.filter((l) => l.includes('<trkpt'))).toHaveLength(9);
    expect(res.text.endsWith('</gpx>')).toBe(true);
  });

  test('route refusals', async () => {
    await t.db.sql`UPDATE clients SET lat = NULL WHERE id = 'c_other'`;
    const cases: [string, string, string, unknown, number, string][] = [
      ['GET', `/api/bookings/${jobC.id}/download-gpx`, t.tokens.admin, undefined, 404, 'No route found for this booking. Generate a route first.'],
      ['GET', `/api/bookings/${jobB.id}/download-gpx`, t.tokens.staff1, undefined, 403, 'forbidden: can only download route for bookings assigned to you'],
      ['GET', `/api/bookings/${jobA.id}/download-gpx`, other.admin, undefined, 403, 'forbidden: cannot access bookings from other businesses'],
      ['POST', `/api/bookings/${jobB.id}/generate-route`, t.tokens.staff1, undefined, 403, 'forbidden: can only generate routes for bookings assigned to you'],
      ['POST', `/api/bookings/${jobA.id}/generate-route`, other.admin, undefined, 403, 'forbidden: cannot access bookings from other businesses'],
      ['POST', '/api/bookings/job_nope/generate-route', t.tokens.admin, undefined, 404, 'Booking not found'],
    ];
    for (const [method, path, token, body, status, error] of cases) {
      const res = await t.call(method, path, { token, body });
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status, body: { error } });
    }
    await t.db.sql`UPDATE clients SET lat = NULL WHERE id = ${DEMO_CLIENT}`;
    const noCoords = await t.call('POST', `/api/bookings/${jobC.id}/generate-route`, { token: t.tokens.admin });
    expect([noCoords.status, noCoords.body]).toEqual([400, { error: 'Client address coordinates not available. Please add a valid address to the client profile.' }]);
    await t.db.sql`UPDATE clients SET lat = 51.7955 WHERE id = ${DEMO_CLIENT}`;
  });

  test('changing the service of a routed job regenerates its route', async () => {
    const res = await t.call('POST', `/api/bookings/${jobA.id}/update`, { token: t.tokens.admin, body: { serviceId: t.ids.svc60 } });
    expect(res.body.booking.route).toMatchObject({ distanceMeters: 4000, durationMinutes: 60 });
    expect(res.body.booking.end).toBe('2030-01-07T11:00:00.000Z');
  });
});

describe('cross-business attempts', () => {
  test('another business cannot touch these bookings, and these admins cannot use its records', async () => {
    const before = await countJobs(t);
    const cases: [string, string, string, unknown, number, string][] = [
      ['POST', `/api/bookings/${jobC.id}/update`, other.admin, { status: 'COMPLETED' }, 403, 'forbidden: cannot update jobs from other businesses'],
      ['POST', `/api/bookings/${jobC.id}/admin-update`, other.admin, { notes: 'x' }, 403, 'forbidden: cannot update bookings from other businesses'],
      ['POST', '/api/jobs/approve', other.admin, { id: jobC.id }, 403, 'forbidden: cannot approve jobs from other businesses'],
      ['POST', '/api/jobs/decline', other.admin, { id: jobC.id }, 403, 'forbidden: cannot decline jobs from other businesses'],
      ['POST', `/api/bookings/${jobA.id}/staff-confirm`, other.staff, {}, 403, 'forbidden: cannot access bookings from other businesses'],
      ['POST', '/api/bookings/create', t.tokens.admin, { clientId: 'c_other', serviceId: t.ids.svc30, start: '2030-01-07T10:00:00.000Z' }, 403, 'forbidden: client not found in your business'],
      ['POST', '/api/bookings/create', t.tokens.admin, { clientId: DEMO_CLIENT, serviceId: 'svc_other', start: '2030-01-07T10:00:00.000Z' }, 400, 'Invalid service'],
      ['POST', '/api/bookings/create', t.tokens.admin, { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, start: '2030-01-07T10:00:00.000Z', staffId: 'u_other_staff' }, 400, 'Invalid staff member'],
      ['POST', '/api/bookings/create', t.tokens.admin, { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, start: '2030-01-07T10:00:00.000Z', dogIds: ['dog_other'] }, 400, 'One or more dogs do not belong to this client'],
      ['POST', `/api/bookings/${jobC.id}/update`, t.tokens.admin, { serviceId: 'svc_other' }, 400, 'Invalid service'],
      ['POST', `/api/bookings/${jobC.id}/update`, t.tokens.admin, { staffId: 'u_other_staff' }, 400, 'Invalid staff member'],
      ['POST', '/api/client/bookings/request', t.tokens.client, { clientId: DEMO_CLIENT, serviceId: 'svc_other', dogIds: [], dateTime: '2030-01-08T11:00:00' }, 404, 'Service not found'],
      ['POST', '/api/client/bookings/request', other.admin, { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, dogIds: [], dateTime: '2030-01-08T11:00:00' }, 403, 'forbidden: client does not belong to this business'],
      // SECURITY (legacy hole): naming another business and its service no longer plants a job there
      ['POST', '/api/jobs/create', t.tokens.client, { clientId: DEMO_CLIENT, businessId: 'biz_other', serviceId: 'svc_other', dogIds: [MAX], start: '2030-01-10T12:00:00.000Z' }, 400, 'Invalid service'],
    ];
    for (const [method, path, token, body, status, error] of cases) {
      const res = await t.call(method, path, { token, body });
      expect({ path, body, status: res.status, res: res.body }).toEqual({ path, body, status, res: { error } });
    }
    expect(await countJobs(t)).toBe(before);
    expect((await t.call('GET', '/api/jobs/pending', { token: other.admin })).body).toEqual([]);
  });
});

describe('concurrent double submits', () => {
  test('two simultaneous completions make one transition and one invoice item', async () => {
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2030-07-01T09:00:00.000Z', staffId: STAFF1 });
    const results = await Promise.all(
      [1, 2].map(() => t.call('POST', `/api/bookings/${job.id}/update`, { token: t.tokens.admin, body: { status: 'COMPLETED' } })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await invoiceItemsOf(t, job.id)).toHaveLength(1);
  });

  test('two simultaneous staff confirmations: one succeeds, the other sees it is no longer PENDING', async () => {
    const job = await adminCreate(t, { serviceId: t.ids.svc30, start: '2030-07-02T09:00:00.000Z', staffId: STAFF1, status: 'PENDING' });
    const results = await Promise.all([1, 2].map(() => t.call('POST', `/api/bookings/${job.id}/staff-confirm`, { token: t.tokens.staff1 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(results.find((r) => r.status === 400)!.body).toEqual({ error: 'Only PENDING bookings can be confirmed' });
  });

  test('two simultaneous approvals of overlapping requests never give one walker both slots', async () => {
    // Wed 2030-07-03 10:15 and 10:20: both Sarah and John work then; each request must get a different
    // walker (two identical requests would be one booking: the double-submit rule)
    const requests = await Promise.all(
      ['10:15', '10:20'].map((time) =>
        t.call('POST', '/api/client/bookings/request', {
          token: t.tokens.client, body: { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, dogIds: [MAX], dateTime: `2030-07-03T${time}:00.000Z` },
        }),
      ),
    );
    const jobIds = requests.map((r) => r.body.booking.id as string);
    const approvals = await Promise.all([...jobIds, ...jobIds].map((id) => t.call('POST', '/api/jobs/approve', { token: t.tokens.admin, body: { id } })));
    expect(approvals.every((r) => r.status === 200 && r.body.job.status === 'BOOKED')).toBe(true);
    const rows = await t.db.sql`SELECT staff_id FROM jobs WHERE id IN ${t.db.sql(jobIds)} ORDER BY staff_id`;
    expect(rows.map((r) => r.staff_id)).toEqual([STAFF1, STAFF2]);
  });

  test('an approval waits only for assignments on the same day of the same business', async () => {
    const request = async (dateTime: string) =>
      (await t.call('POST', '/api/client/bookings/request', {
        token: t.tokens.client, body: { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, dogIds: [MAX], dateTime },
      })).body.booking.id as string;
    const sameDay = await request('2030-07-10T11:00:00.000Z');
    const nextDay = await request('2030-07-11T11:00:00.000Z');
    const approve = (id: string) => t.call('POST', '/api/jobs/approve', { token: t.tokens.admin, body: { id } });

    // another transaction is assigning a walker on 2030-07-10 (the lock stays until it ends)
    let finishOther!: () => void;
    let lockHeld!: () => void;
    const held = new Promise<void>((resolve) => (lockHeld = resolve));
    const other = t.db.tx(async (q) => {
      await q.jobs.lockAssignmentDays('biz_demo', new Date('2030-07-10T08:00:00Z'), new Date('2030-07-10T08:30:00Z'));
      lockHeld();
      await new Promise<void>((resolve) => (finishOther = resolve));
    });
    await held;

    expect((await approve(nextDay)).body.job.staffId).toBe(STAFF1);
    let sameDayDone = false;
    const waiting = approve(sameDay).then((res) => ((sameDayDone = true), res));
    await Bun.sleep(300);
    expect(sameDayDone).toBe(false);
    finishOther();
    await other;
    const res = await waiting;
    expect([res.status, res.body.job.status, res.body.job.staffId]).toEqual([200, 'BOOKED', STAFF1]);
  });
});
