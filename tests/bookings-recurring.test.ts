// Recurring bookings through HTTP (bookings-jobs.md §6): expansion, the cap, interval quirks,
// per-occurrence auto-assignment, refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { countJobs, createBookingTestApp, createOtherBusiness, DEMO_CLIENT, MAX, STAFF1, STAFF2, SETUP_TIMEOUT_MS, type BookingTestApp } from './bookings-fixtures';

let t: BookingTestApp;
beforeAll(async () => {
  t = await createBookingTestApp();
  await createOtherBusiness(t);
}, SETUP_TIMEOUT_MS);
afterAll(() => t.close());
beforeEach(() => {
  t.events.length = 0;
});

const recurring = (body: Record<string, unknown>, token = t.tokens.admin) =>
  t.call('POST', '/api/bookings/create-recurring', { token, body: { clientId: DEMO_CLIENT, serviceId: t.ids.svc30, dogIds: [MAX], ...body } });

describe('POST /api/bookings/create-recurring', () => {
  test('weekly, end date inclusive, BOOKED, auto-assigned, one event pair per occurrence', async () => {
    const res = await recurring({ start: '2030-02-04T09:00:00.000Z', recurrence: 'weekly', recurrenceEndDate: '2030-02-25', notes: 'Weekly', status: 'PENDING' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, created: 4, total: 4 });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.jobs.map((j: any) => [j.start, j.end, j.status, j.staffId, j.notes])).toEqual([
      ['2030-02-04T09:00:00.000Z', '2030-02-04T09:30:00.000Z', 'BOOKED', STAFF1, 'Weekly'],
      ['2030-02-11T09:00:00.000Z', '2030-02-11T09:30:00.000Z', 'BOOKED', STAFF1, 'Weekly'],
      ['2030-02-18T09:00:00.000Z', '2030-02-18T09:30:00.000Z', 'BOOKED', STAFF1, 'Weekly'],
      ['2030-02-25T09:00:00.000Z', '2030-02-25T09:30:00.000Z', 'BOOKED', STAFF1, 'Weekly'],
    ]);
    expect(t.events.map((e) => e.event)).toEqual(Array(4).fill(['booking:created', 'stats:changed']).flat());
  });

  test('daily from a Saturday: John at the weekend, Sarah on weekdays; start normalised to ISO', async () => {
    const res = await recurring({ start: '2030-02-09T10:00', recurrence: 'daily', recurrenceEndDate: '2030-02-12' });
    expect(res.body.jobs.map((j: any) => [j.start, j.staffId])).toEqual([
      ['2030-02-09T10:00:00.000Z', STAFF2],
      ['2030-02-10T10:00:00.000Z', STAFF2],
      ['2030-02-11T10:00:00.000Z', STAFF1],
      ['2030-02-12T10:00:00.000Z', STAFF1],
    ]);
  });

  test('occurrences block their walker: a second series at the same times goes to the other walker or none', async () => {
    const res = await recurring({ start: '2030-02-09T10:00:00.000Z', recurrence: 'daily', recurrenceEndDate: '2030-02-12' });
    // Sat/Sun John is taken and Sarah does not work; Mon/Tue Sarah is taken, John starts at 10:00
    expect(res.body.jobs.map((j: any) => j.staffId)).toEqual([null, null, STAFF2, STAFF2]);
  });

  test('a given staffId is used for every occurrence; a foreign one is refused', async () => {
    const res = await recurring({ start: '2031-03-01T06:00:00.000Z', recurrence: 'biweekly', recurrenceEndDate: '2031-03-29', staffId: STAFF2 });
    expect(res.body.jobs.map((j: any) => [j.start.slice(0, 10), j.staffId])).toEqual([
      ['2031-03-01', STAFF2], ['2031-03-15', STAFF2], ['2031-03-29', STAFF2],
    ]);
    const foreign = await recurring({ start: '2031-03-01T06:00:00.000Z', recurrence: 'weekly', recurrenceEndDate: '2031-03-29', staffId: 'u_other_staff' });
    expect([foreign.status, foreign.body]).toEqual([400, { error: 'Invalid staff member' }]);
  });

  test('at most 100 occurrences; custom intervals; 0 means 1; unknown recurrences are daily; negative walks back', async () => {
    const year = await recurring({ start: '2032-01-01T12:00:00.000Z', recurrence: 'daily', recurrenceEndDate: '2032-12-31', staffId: STAFF1 });
    expect(year.body).toMatchObject({ created: 100, total: 100 });
    expect(year.body.jobs[99].start).toBe('2032-04-09T12:00:00.000Z');

    const every3 = await recurring({ start: '2033-01-01T12:00:00.000Z', recurrence: 'custom', recurrenceInterval: 3, recurrenceEndDate: '2033-01-10', staffId: STAFF1 });
    expect(every3.body.jobs.map((j: any) => j.start.slice(8, 10))).toEqual(['01', '04', '07', '10']);
    const zero = await recurring({ start: '2033-02-01T12:00:00.000Z', recurrence: 'custom', recurrenceInterval: 0, recurrenceEndDate: '2033-02-03', staffId: STAFF1 });
    expect(zero.body.total).toBe(3);
    const monthly = await recurring({ start: '2033-03-01T12:00:00.000Z', recurrence: 'monthly', recurrenceEndDate: '2033-03-02', staffId: STAFF1 });
    expect(monthly.body.total).toBe(2);
    const back = await recurring({ start: '2034-01-01T12:00:00.000Z', recurrence: 'custom', recurrenceInterval: -1, recurrenceEndDate: '2034-01-01', staffId: STAFF1 });
    expect(back.body.total).toBe(100);
    expect(back.body.jobs[1].start).toBe('2033-12-31T12:00:00.000Z');
  });

  test('refusals in legacy order, nothing written', async () => {
    const before = await countJobs(t);
    const base = { start: '2030-02-04T09:00:00.000Z', recurrence: 'weekly', recurrenceEndDate: '2030-02-25' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, recurrence: 'none' }, 400, 'Missing required fields for recurring booking'],
      [{ ...base, start: undefined }, 400, 'Missing required fields for recurring booking'],
      [{ ...base, clientId: '' }, 400, 'Missing required fields for recurring booking'],
      [{ ...base, recurrenceEndDate: undefined }, 400, 'End date required for recurring bookings'],
      [{ ...base, clientId: 'c_other' }, 403, 'forbidden: client not found in your business'],
      [{ ...base, serviceId: 'svc_other' }, 400, 'Invalid service'],
      [{ ...base, dogIds: ['dog_other'] }, 400, 'One or more dogs do not belong to this client'],
      [{ ...base, recurrenceEndDate: 'someday' }, 400, 'No valid dates generated'],
      [{ ...base, start: 'soon' }, 400, 'No valid dates generated'],
      [{ ...base, recurrenceEndDate: '2030-02-01' }, 400, 'No valid dates generated'],
      [{ ...base, recurrence: 'custom', recurrenceInterval: '2' }, 400, 'recurrenceInterval must be a number'],
    ];
    for (const [body, status, error] of cases) {
      const res = await recurring(body);
      expect({ body, status: res.status, res: res.body }).toEqual({ body, status, res: { error } });
    }
    for (const token of [t.tokens.staff1, t.tokens.client]) {
      const res = await recurring(base, token);
      expect([res.status, res.body]).toEqual([403, { error: 'forbidden: admin access required' }]);
    }
    expect(await countJobs(t)).toBe(before);
    expect(t.events).toEqual([]);
  });
});
