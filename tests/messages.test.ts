// Messages and automation settings through HTTP: legacy shapes and orders, and the login and
// business membership the legacy lacked (POLICY 4).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { TestApp } from './support/app';
import { appWithOtherBusiness, OTHER, type Tokens } from './clients-area-fixtures';

let t: TestApp;
let tok: Tokens;
beforeAll(async () => {
  ({ t, tok } = await appWithOtherBusiness());
  await t.db.sql`INSERT INTO jobs (id, business_id, client_id, status) VALUES ('job_demo', 'biz_demo', 'c_demo_client', 'BOOKED')`;
  await t.db.sql`INSERT INTO clients (id, business_id, name) VALUES ('c_second', 'biz_demo', 'Second')`;
  await t.db.sql`INSERT INTO jobs (id, business_id, client_id, status) VALUES ('job_second', 'biz_demo', 'c_second', 'BOOKED')`;
}, 60_000);
afterAll(() => t.close());

const messageCount = async () => (await t.db.sql`SELECT count(*)::int AS n FROM messages`)[0].n as number;
const send = (token: string | undefined, body: unknown) => t.call('POST', '/api/messages/send', { token, body });
const inboxOf = (token: string, clientId = 'c_demo_client', businessId = 'biz_demo') =>
  t.call('GET', `/api/messages/inbox?businessId=${businessId}&clientId=${clientId}`, { token });

describe('messages', () => {
  test('inbox conversation: legacy shape, read flags of the sender, newest first, booking messages apart', async () => {
    const first = await send(tok.client, { businessId: 'biz_demo', clientId: 'c_demo_client', senderRole: 'client', message: 'Hi', bookingId: '' });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body)).toEqual(['id', 'bookingId', 'clientId', 'businessId', 'senderRole', 'message', 'createdAt', 'readStates']);
    expect(first.body).toMatchObject({ bookingId: null, clientId: 'c_demo_client', businessId: 'biz_demo', senderRole: 'client', message: 'Hi', readStates: { client: true, business: false } });
    expect(first.body.id).toMatch(/^msg_[0-9a-z]+$/);
    const reply = await send(tok.admin, { businessId: 'biz_demo', clientId: 'c_demo_client', senderRole: 'business', message: 'Hello' });
    expect(reply.body.readStates).toEqual({ client: false, business: true });
    const booking = await send(tok.staff, { businessId: 'biz_demo', clientId: 'c_demo_client', senderRole: 'staff', bookingId: 'job_demo', message: 'Late' });
    expect(booking.body).toMatchObject({ bookingId: 'job_demo', readStates: { client: false, business: false } });

    for (const token of [tok.client, tok.admin]) {
      const inbox = await inboxOf(token);
      expect(inbox.body.map((m: any) => m.message)).toEqual(['Hello', 'Hi']);
    }
    const thread = await t.call('GET', '/api/messages/booking?businessId=biz_demo&bookingId=job_demo', { token: tok.client });
    expect(thread.body.map((m: any) => m.message)).toEqual(['Late']);
  });

  test('mark read sets the role flag (any business role, e.g. staff) on the right messages only', async () => {
    expect(await t.call('POST', '/api/messages/mark-inbox-read', { token: tok.admin, body: { businessId: 'biz_demo', clientId: 'c_demo_client', role: 'business' } })).toMatchObject({ status: 200, body: { success: true } });
    expect((await inboxOf(tok.admin)).body.map((m: any) => m.readStates)).toEqual([{ client: false, business: true }, { client: true, business: true }]);
    await t.call('POST', '/api/messages/mark-booking-read', { token: tok.staff, body: { businessId: 'biz_demo', bookingId: 'job_demo', role: 'staff' } });
    await t.call('POST', '/api/messages/mark-booking-read', { token: tok.client, body: { businessId: 'biz_demo', bookingId: 'job_demo', role: 'client' } });
    const thread = await t.call('GET', '/api/messages/booking?businessId=biz_demo&bookingId=job_demo', { token: tok.admin });
    expect(thread.body[0].readStates).toEqual({ client: true, business: false, staff: true });
  });

  test('missing fields answer the legacy 400s and write nothing', async () => {
    const before = await messageCount();
    const sendError = 'Missing required fields: businessId, clientId, message, senderRole';
    expect(await send(tok.client, { businessId: 'biz_demo', clientId: 'c_demo_client', senderRole: 'client' })).toMatchObject({ status: 400, body: { error: sendError } });
    expect(await send(tok.client, { businessId: 'biz_demo', senderRole: 'client', message: 'x' })).toMatchObject({ status: 400, body: { error: sendError } });
    expect(await t.call('POST', '/api/messages/send', { token: tok.client })).toMatchObject({ status: 400, body: { error: sendError } });
    expect(await send(tok.client, { businessId: 'biz_demo', clientId: 'c_demo_client', senderRole: 'client', message: { html: 1 } })).toMatchObject({ status: 400 });
    expect(await send(tok.client, { businessId: 'biz_demo', clientId: 'c_demo_client', senderRole: 'client', message: 'x', bookingId: 5 })).toMatchObject({ status: 400 });
    expect(await t.call('GET', '/api/messages/inbox?businessId=biz_demo', { token: tok.client })).toMatchObject({ status: 400, body: { error: 'Missing required query params: businessId, clientId' } });
    expect(await t.call('GET', '/api/messages/booking?businessId=biz_demo', { token: tok.client })).toMatchObject({ status: 400, body: { error: 'Missing required query params: businessId, bookingId' } });
    expect(await t.call('POST', '/api/messages/mark-booking-read', { token: tok.admin, body: { businessId: 'biz_demo', bookingId: 'job_demo' } })).toMatchObject({ status: 400, body: { error: 'Missing required fields: businessId, bookingId, role' } });
    expect(await t.call('POST', '/api/messages/mark-inbox-read', { token: tok.admin, body: { businessId: 'biz_demo', role: 'business' } })).toMatchObject({ status: 400, body: { error: 'Missing required fields: businessId, clientId, role' } });
    expect(await messageCount()).toBe(before);
  });

  test('SECURITY: no login 401; another business 403; a client only in its own conversation and bookings, as itself', async () => {
    const before = await messageCount();
    const [readsBefore] = await t.db.sql`SELECT jsonb_agg(read_states ORDER BY seq) AS r FROM messages`;
    const demoMsg = { businessId: 'biz_demo', clientId: 'c_demo_client', senderRole: 'client', message: 'x' };
    expect(await send(undefined, demoMsg)).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    expect(await t.call('GET', '/api/messages/inbox?businessId=biz_demo&clientId=c_demo_client')).toMatchObject({ status: 401 });
    expect(await send(tok.otherAdmin, { ...demoMsg, senderRole: 'business' })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await inboxOf(tok.otherClient)).toMatchObject({ status: 403 });
    expect(await inboxOf(tok.otherAdmin)).toMatchObject({ status: 403 });
    expect(await t.call('GET', '/api/messages/booking?businessId=biz_demo&bookingId=job_demo', { token: tok.otherAdmin })).toMatchObject({ status: 403 });
    expect(await send(tok.client, { ...demoMsg, clientId: 'c_second' })).toMatchObject({ status: 403, body: { error: 'forbidden: cannot access other clients' } });
    expect(await inboxOf(tok.client, 'c_second')).toMatchObject({ status: 403 });
    expect(await send(tok.client, { ...demoMsg, senderRole: 'business' })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await send(tok.admin, { ...demoMsg })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await send(tok.client, { ...demoMsg, bookingId: 'job_second' })).toMatchObject({ status: 403 });
    expect(await t.call('GET', '/api/messages/booking?businessId=biz_demo&bookingId=job_second', { token: tok.client })).toMatchObject({ status: 403 });
    expect(await t.call('POST', '/api/messages/mark-booking-read', { token: tok.client, body: { businessId: 'biz_demo', bookingId: 'job_demo', role: 'business' } })).toMatchObject({ status: 403 });
    expect(await t.call('POST', '/api/messages/mark-inbox-read', { token: tok.otherAdmin, body: { businessId: 'biz_demo', clientId: 'c_demo_client', role: 'business' } })).toMatchObject({ status: 403 });
    expect(await messageCount()).toBe(before);
    const [readsAfter] = await t.db.sql`SELECT jsonb_agg(read_states ORDER BY seq) AS r FROM messages`;
    expect(readsAfter).toEqual(readsBefore);
  });

  test('a client may read its inbox by its user id (the client layout badge sends it)', async () => {
    const res = await inboxOf(tok.client, 'u_demo_client');
    expect(res).toMatchObject({ status: 200, body: [] });
  });
});

describe('automation settings', () => {
  const DEFAULTS = {
    bookingReminderEnabled: false, bookingReminderHoursBefore: 24, invoiceReminderEnabled: false, invoiceReminderDaysOverdue: 3,
    dailySummaryEnabled: false, dailySummaryTime: '18:00', autoCompleteEnabled: false, autoCompleteAfterHours: 2,
    conflictAlertsEnabled: true, weeklySnapshotEnabled: false, weeklySnapshotDay: 'mon',
  };
  const stored = async (businessId = 'biz_demo') => (await t.db.sql`SELECT settings FROM businesses WHERE id = ${businessId}`)[0].settings;

  test('GET gives the defaults; PUT overlays the patch, keeps unknown keys and other sections', async () => {
    expect(await t.call('GET', '/api/business/biz_demo/automation', { token: tok.staff })).toMatchObject({ status: 200, body: DEFAULTS });
    const before = await stored();
    const res = await t.call('PUT', '/api/business/biz_demo/automation', { token: tok.admin, body: { automation: { bookingReminderEnabled: true, bookingReminderHoursBefore: '12', extra: 1 } } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...DEFAULTS, bookingReminderEnabled: true, bookingReminderHoursBefore: '12', extra: 1 });
    const after = await stored();
    expect(after.automation).toEqual(res.body);
    expect({ ...after, automation: null }).toEqual({ ...before, automation: null });
    expect((await t.call('GET', '/api/business/biz_demo/automation', { token: tok.admin })).body).toEqual(res.body);
    // no automation in the body (or no body): unchanged, still 200
    expect((await t.call('PUT', '/api/business/biz_demo/automation', { token: tok.admin, body: {} })).body).toEqual(res.body);
    expect((await t.call('PUT', '/api/business/biz_demo/automation', { token: tok.admin })).status).toBe(200);
  });

  test('SECURITY: anonymous 401, client 403, other business 403, nothing written', async () => {
    const before = await stored(OTHER.businessId);
    const demoBefore = await stored();
    expect(await t.call('GET', '/api/business/biz_demo/automation')).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    expect(await t.call('PUT', '/api/business/biz_demo/automation', { body: { automation: { dailySummaryEnabled: true } } })).toMatchObject({ status: 401 });
    expect(await t.call('GET', '/api/business/biz_demo/automation', { token: tok.client })).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
    expect(await t.call('PUT', `/api/business/${OTHER.businessId}/automation`, { token: tok.admin, body: { automation: { dailySummaryEnabled: true } } })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await t.call('GET', '/api/business/biz_unknown/automation', { token: tok.admin })).toMatchObject({ status: 403 });
    expect(await stored(OTHER.businessId)).toEqual(before);
    expect(await stored()).toEqual(demoBefore);
  });
});
