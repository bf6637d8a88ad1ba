// The authorization matrix (issue 9, OWASP API1/API5). Object level: every route that takes an id
// (in the path or the body), called on business A's objects by the admin, staff and client of
// business B and by a client of A who does not own the object, answers the legacy 401/403/404 body
// and writes nothing. Function level: staff of A keep what the staff screens call and nothing else.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApp } from '../src/app';
import { createTestApp, type TestApp } from './support/app';
import { databaseDigest } from './support/digest';

let t: TestApp;
/** the objects of business A (and B's own), referred to as {name} in the paths and bodies below */
const A: Record<string, string> = {
  bizA: 'biz_demo',
  clientA: 'c_demo_client',
  dogA: 'dog_demo',
  staffA: 'u_demo_staff1',
};
const tokens: Record<string, string> = {};

// the legacy refusal bodies, "<status> <error>"
const ADMIN_ONLY = '403 forbidden: admin access required';
const CLIENT_ONLY = '403 forbidden: client access required';
const STAFF_ONLY = '403 forbidden: staff access required';
const BUSINESS_ONLY = '403 forbidden: business access required';
const FORBIDDEN = '403 forbidden';
const UNAUTHENTICATED = '401 unauthenticated';
const OTHER_STAFF = "403 forbidden: cannot access other businesses' staff";
const UPDATE_OTHER_STAFF = '403 forbidden: cannot update staff from other businesses';
const OTHER_CLIENTS = '403 forbidden: cannot access other clients';
const OTHER_DOGS = "403 forbidden: cannot access other clients' dogs";
const OTHER_JOBS = "403 forbidden: cannot access other clients' jobs";
const UPDATE_OTHER_JOBS = "403 forbidden: cannot update other clients' jobs";
const CANCEL_OTHER_JOBS = "403 forbidden: cannot cancel other clients' jobs";
const CREATE_FOR_OTHERS = '403 forbidden: cannot create jobs for other clients';
const FOR_YOURSELF = '403 forbidden: can only request bookings for yourself';
const CLIENT_NOT_IN_BUSINESS = '403 forbidden: client not found in your business';
const OTHER_BOOKINGS = '403 forbidden: cannot access bookings from other businesses';
const UPDATE_OTHER_BOOKINGS = '403 forbidden: cannot update bookings from other businesses';
const ACCESS_OTHER_INVOICES = "403 forbidden: cannot access other businesses' invoices";
const UPDATE_OTHER_INVOICES = "403 forbidden: cannot update other businesses' invoices";
// Not refusals, by design: a business's clients read its service catalogue (the booking screen),
// and another business's user reads a walker's availability like an unknown user's (legacy {}).
const BUSINESS_CATALOGUE = '200';
const UNKNOWN_AVAILABILITY = '200 {}';

type Attacker = 'adminB' | 'staffB' | 'clientB' | 'clientA2';
const ATTACKERS: Attacker[] = ['adminB', 'staffB', 'clientB', 'clientA2'];
type Expected = Record<Attacker, string>;

/** the same answer for every attacker, or per attacker */
const all = (answer: string): Expected => ({ adminB: answer, staffB: answer, clientB: answer, clientA2: answer });

interface Row {
  /** "METHOD /path" with {object} placeholders */
  request: string;
  body?: Record<string, unknown>;
  expected: Expected;
}

const START = '2030-06-03T10:00:00.000Z';
const ROWS: Row[] = [
  // business by id
  { request: 'GET /api/business/{bizA}/settings', expected: all(FORBIDDEN) },
  { request: 'PUT /api/business/{bizA}/settings', body: { settings: { profile: { businessName: 'Hijacked' } } }, expected: all(FORBIDDEN) },
  { request: 'GET /api/business/{bizA}/automation', expected: { adminB: FORBIDDEN, staffB: FORBIDDEN, clientB: ADMIN_ONLY, clientA2: ADMIN_ONLY } },
  { request: 'PUT /api/business/{bizA}/automation', body: { automation: { bookingReminderEnabled: false } }, expected: { adminB: FORBIDDEN, staffB: ADMIN_ONLY, clientB: ADMIN_ONLY, clientA2: ADMIN_ONLY } },
  { request: 'GET /api/business/{bizA}/services', expected: { ...all(FORBIDDEN), clientA2: BUSINESS_CATALOGUE } },
  { request: 'POST /api/business/{bizA}/services', body: { service: { name: 'Injected' } }, expected: { adminB: FORBIDDEN, staffB: ADMIN_ONLY, clientB: UNAUTHENTICATED, clientA2: UNAUTHENTICATED } },
  { request: 'PUT /api/business/{bizA}/services/{srvA}', body: { service: { price: 0 } }, expected: { adminB: FORBIDDEN, staffB: ADMIN_ONLY, clientB: UNAUTHENTICATED, clientA2: UNAUTHENTICATED } },
  { request: 'DELETE /api/business/{bizA}/services/{srvA}', expected: { adminB: FORBIDDEN, staffB: ADMIN_ONLY, clientB: UNAUTHENTICATED, clientA2: UNAUTHENTICATED } },
  { request: 'GET /api/users/by-business/{bizA}', expected: { ...all(ADMIN_ONLY), adminB: '403 forbidden: cannot access other businesses' } },
  // staff
  { request: 'GET /api/staff/{staffA}', expected: { ...all(ADMIN_ONLY), adminB: OTHER_STAFF, staffB: OTHER_STAFF } },
  { request: 'GET /api/staff/{staffA}/availability', expected: { ...all(ADMIN_ONLY), adminB: UNKNOWN_AVAILABILITY, staffB: UNKNOWN_AVAILABILITY } },
  { request: 'POST /api/staff/{staffA}/availability', body: { monday: [] }, expected: { ...all(ADMIN_ONLY), adminB: UPDATE_OTHER_STAFF, staffB: '403 forbidden: can only update own availability' } },
  { request: 'POST /api/staff/{staffA}/update', body: { name: 'Renamed' }, expected: { ...all(ADMIN_ONLY), adminB: UPDATE_OTHER_STAFF, staffB: '403 forbidden: can only update own profile' } },
  // services
  { request: 'POST /api/services/{svcA}/update', body: { priceCents: 1 }, expected: { adminB: "403 forbidden: cannot update other businesses' services", staffB: ADMIN_ONLY, clientB: UNAUTHENTICATED, clientA2: UNAUTHENTICATED } },
  { request: 'POST /api/services/{svcA}/delete', expected: { adminB: "403 forbidden: cannot delete other businesses' services", staffB: ADMIN_ONLY, clientB: UNAUTHENTICATED, clientA2: UNAUTHENTICATED } },
  // clients and dogs
  { request: 'GET /api/clients/{clientA}', expected: all('403 forbidden: cannot access this client') },
  { request: 'POST /api/clients/{clientA}/update', body: { name: 'Renamed' }, expected: { ...all('403 forbidden: cannot update other clients'), staffB: ADMIN_ONLY } },
  { request: 'GET /api/clients/{clientA}/dogs', expected: { adminB: CLIENT_ONLY, staffB: CLIENT_ONLY, clientB: OTHER_DOGS, clientA2: OTHER_DOGS } },
  { request: 'GET /api/dogs/by-client/{clientA}', expected: all('403 forbidden: cannot access other clients') },
  { request: 'POST /api/dogs/create', body: { clientId: '{clientA}', name: 'Intruder' }, expected: { ...all('403 forbidden: cannot create dogs for other clients'), staffB: ADMIN_ONLY } },
  // bookings requested by clients, the client portal and the approval queue
  { request: 'POST /api/client/bookings/request', body: { clientId: '{clientA}', serviceId: '{svcA}', dogIds: ['{dogA}'], dateTime: START }, expected: { adminB: '403 forbidden: client does not belong to this business', staffB: ADMIN_ONLY, clientB: FOR_YOURSELF, clientA2: FOR_YOURSELF } },
  { request: 'GET /api/jobs/client/{clientA}', expected: { adminB: CLIENT_ONLY, staffB: CLIENT_ONLY, clientB: OTHER_JOBS, clientA2: OTHER_JOBS } },
  { request: 'GET /api/jobs/{jobA}', expected: { adminB: CLIENT_ONLY, staffB: CLIENT_ONLY, clientB: OTHER_JOBS, clientA2: OTHER_JOBS } },
  { request: 'POST /api/jobs/create', body: { clientId: '{clientA}', businessId: '{bizA}', serviceId: '{svcA}', dogIds: ['{dogA}'], start: START }, expected: { adminB: CLIENT_ONLY, staffB: CLIENT_ONLY, clientB: CREATE_FOR_OTHERS, clientA2: CREATE_FOR_OTHERS } },
  { request: 'POST /api/jobs/update', body: { id: '{jobA}', notes: 'changed' }, expected: { adminB: CLIENT_ONLY, staffB: CLIENT_ONLY, clientB: UPDATE_OTHER_JOBS, clientA2: UPDATE_OTHER_JOBS } },
  { request: 'POST /api/jobs/cancel', body: { id: '{jobA}' }, expected: { adminB: CLIENT_ONLY, staffB: CLIENT_ONLY, clientB: CANCEL_OTHER_JOBS, clientA2: CANCEL_OTHER_JOBS } },
  { request: 'POST /api/jobs/approve', body: { id: '{jobA}' }, expected: { ...all(ADMIN_ONLY), adminB: '403 forbidden: cannot approve jobs from other businesses' } },
  { request: 'POST /api/jobs/decline', body: { id: '{jobA}' }, expected: { ...all(ADMIN_ONLY), adminB: '403 forbidden: cannot decline jobs from other businesses' } },
  // bookings
  { request: 'POST /api/bookings/create', body: { clientId: '{clientA}', serviceId: '{svcA}', dogIds: ['{dogA}'], start: START }, expected: { ...all(ADMIN_ONLY), adminB: CLIENT_NOT_IN_BUSINESS } },
  { request: 'POST /api/bookings/create-recurring', body: { clientId: '{clientA}', serviceId: '{svcA}', start: START, recurrence: 'weekly', recurrenceEndDate: '2030-07-01' }, expected: { ...all(ADMIN_ONLY), adminB: CLIENT_NOT_IN_BUSINESS } },
  { request: 'GET /api/bookings/{jobA}', expected: { adminB: OTHER_BOOKINGS, staffB: OTHER_BOOKINGS, clientB: BUSINESS_ONLY, clientA2: BUSINESS_ONLY } },
  { request: 'POST /api/bookings/{jobA}/move', body: { start: START }, expected: { adminB: UPDATE_OTHER_BOOKINGS, staffB: UPDATE_OTHER_BOOKINGS, clientB: BUSINESS_ONLY, clientA2: BUSINESS_ONLY } },
  { request: 'POST /api/bookings/{jobA}/update', body: { status: 'CANCELLED' }, expected: { ...all(ADMIN_ONLY), adminB: '403 forbidden: cannot update jobs from other businesses' } },
  { request: 'POST /api/bookings/{jobA}/admin-update', body: { notes: 'changed' }, expected: { ...all(ADMIN_ONLY), adminB: UPDATE_OTHER_BOOKINGS } },
  { request: 'POST /api/bookings/{jobA}/staff-confirm', body: {}, expected: { ...all(STAFF_ONLY), staffB: OTHER_BOOKINGS } },
  { request: 'POST /api/bookings/{jobA}/staff-decline', body: {}, expected: { ...all(STAFF_ONLY), staffB: OTHER_BOOKINGS } },
  { request: 'POST /api/bookings/{jobA}/staff-cancel', body: {}, expected: { ...all(STAFF_ONLY), staffB: OTHER_BOOKINGS } },
  { request: 'POST /api/bookings/{jobA}/generate-route', expected: { adminB: OTHER_BOOKINGS, staffB: OTHER_BOOKINGS, clientB: BUSINESS_ONLY, clientA2: BUSINESS_ONLY } },
  { request: 'GET /api/bookings/{jobA}/download-gpx', expected: { adminB: OTHER_BOOKINGS, staffB: OTHER_BOOKINGS, clientB: BUSINESS_ONLY, clientA2: BUSINESS_ONLY } },
  // messages (ids in the body and the query)
  { request: 'POST /api/messages/send', body: { businessId: '{bizA}', clientId: '{clientA}', bookingId: '{jobA}', senderRole: 'client', message: 'hi' }, expected: { ...all(FORBIDDEN), clientA2: OTHER_CLIENTS } },
  { request: 'GET /api/messages/booking?businessId={bizA}&bookingId={jobA}', expected: { ...all(FORBIDDEN), clientA2: OTHER_CLIENTS } },
  { request: 'GET /api/messages/inbox?businessId={bizA}&clientId={clientA}', expected: { ...all(FORBIDDEN), clientA2: OTHER_CLIENTS } },
  { request: 'POST /api/messages/mark-booking-read', body: { businessId: '{bizA}', bookingId: '{jobA}', role: 'client' }, expected: { ...all(FORBIDDEN), clientA2: OTHER_CLIENTS } },
  { request: 'POST /api/messages/mark-inbox-read', body: { businessId: '{bizA}', clientId: '{clientA}', role: 'client' }, expected: { ...all(FORBIDDEN), clientA2: OTHER_CLIENTS } },
  // invoices
  { request: 'GET /api/invoices/{invoiceA}', expected: { ...all(ADMIN_ONLY), adminB: ACCESS_OTHER_INVOICES } },
  { request: 'POST /api/invoices/{invoiceA}/mark-sent', expected: { ...all(ADMIN_ONLY), adminB: UPDATE_OTHER_INVOICES } },
  { request: 'POST /api/invoices/{invoiceA}/mark-paid', body: { paymentMethod: 'cash' }, expected: { ...all(ADMIN_ONLY), adminB: UPDATE_OTHER_INVOICES } },
  { request: 'POST /api/invoices/{invoiceA}/pay', body: { paymentMethod: 'cash' }, expected: { ...all(ADMIN_ONLY), adminB: UPDATE_OTHER_INVOICES } },
  { request: 'POST /api/invoices/{invoiceA}/resend', expected: { ...all(ADMIN_ONLY), adminB: "403 forbidden: cannot resend other businesses' invoices" } },
  { request: 'GET /api/invoices/{invoiceA}/pdf', expected: { ...all(ADMIN_ONLY), adminB: ACCESS_OTHER_INVOICES } },
  { request: 'POST /api/invoices/{invoiceA}/checkout', expected: { ...all(ACCESS_OTHER_INVOICES), staffB: ADMIN_ONLY } },
  { request: 'POST /api/invoices/generate', body: { clientId: '{clientA}', itemIds: ['{itemA}'] }, expected: { ...all(ADMIN_ONLY), adminB: '403 forbidden: items do not belong to your business' } },
];

/**
 * Requests in the attacker's own business that point one reference at business A: every reference
 * in a body is checked against the caller's business, so none of them links B's data to A's.
 */
const CROSS_REFERENCES: { as: Attacker; request: string; body?: Record<string, unknown>; expected: string }[] = [
  { as: 'adminB', request: 'POST /api/bookings/create', body: { clientId: '{clientB}', serviceId: '{svcA}', start: START }, expected: '400 Invalid service' },
  { as: 'adminB', request: 'POST /api/bookings/create', body: { clientId: '{clientB}', serviceId: '{svcB}', dogIds: ['{dogA}'], start: START }, expected: '400 One or more dogs do not belong to this client' },
  { as: 'adminB', request: 'POST /api/bookings/create', body: { clientId: '{clientB}', serviceId: '{svcB}', staffId: '{staffA}', start: START }, expected: '400 Invalid staff member' },
  { as: 'adminB', request: 'POST /api/bookings/create-recurring', body: { clientId: '{clientB}', serviceId: '{svcA}', start: START, recurrence: 'weekly', recurrenceEndDate: '2030-07-01' }, expected: '400 Invalid service' },
  { as: 'adminB', request: 'POST /api/bookings/{jobB}/update', body: { serviceId: '{svcA}' }, expected: '400 Invalid service' },
  { as: 'adminB', request: 'POST /api/bookings/{jobB}/update', body: { staffId: '{staffA}' }, expected: '400 Invalid staff member' },
  { as: 'adminB', request: 'POST /api/bookings/{jobB}/admin-update', body: { dogIds: ['{dogA}'] }, expected: '400 One or more dogs do not belong to this client' },
  { as: 'adminB', request: 'GET /api/bookings/list?staffId={staffA}', expected: '200 []' },
  { as: 'adminB', request: 'POST /api/invoices/generate', body: { clientId: '{clientB}', itemIds: ['{itemA}'] }, expected: '403 forbidden: items do not belong to your business' },
  { as: 'clientB', request: 'POST /api/client/bookings/request', body: { clientId: '{clientB}', serviceId: '{svcA}', dateTime: START }, expected: '404 Service not found' },
  { as: 'clientB', request: 'POST /api/client/bookings/request', body: { clientId: '{clientB}', serviceId: '{svcB}', dogIds: ['{dogA}'], dateTime: START }, expected: '403 Dog {dogA} not found or does not belong to client' },
  { as: 'clientB', request: 'POST /api/jobs/create', body: { clientId: '{clientB}', businessId: '{bizA}', serviceId: '{svcA}', dogIds: ['{dogB}'], start: START }, expected: '400 Invalid service' },
  { as: 'clientB', request: 'POST /api/messages/send', body: { businessId: '{bizB}', clientId: '{clientB}', bookingId: '{jobA}', senderRole: 'client', message: 'hi' }, expected: OTHER_CLIENTS },
  { as: 'clientB', request: 'GET /api/messages/booking?businessId={bizB}&bookingId={jobA}', expected: OTHER_CLIENTS },
];

/** Function level: what the staff screens call (route-inventory §3, §5), which a walker of A keeps. */
const STAFF_SCREENS: string[] = [
  'GET /api/bookings/list?staffId={staffA}',
  'GET /api/bookings/by-date?date=2030-05-06',
  'GET /api/bookings/{jobA}',
  'GET /api/business/branding',
  'GET /api/business/settings',
  'GET /api/staff/list',
  'GET /api/staff/{staffA}/availability',
  'POST /api/staff/{staffA}/availability',
  'POST /api/staff/{staffA}/update',
  'GET /api/clients/list',
  'GET /api/clients/{clientA}',
  'GET /api/dogs/by-client/{clientA}',
  'GET /api/services/list',
  'GET /api/business/{bizA}/services',
  'GET /api/messages/booking?businessId={bizA}&bookingId={jobA}',
  'POST /api/messages/send',
  'POST /api/messages/mark-booking-read',
];
const STAFF_SCREEN_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/staff/{staffA}/availability': { monday: [{ start: '09:00', end: '17:00' }] },
  'POST /api/staff/{staffA}/update': { phone: '07700 900000' },
  'POST /api/messages/send': { businessId: '{bizA}', clientId: '{clientA}', bookingId: '{jobA}', senderRole: 'staff', message: 'On my way' },
  'POST /api/messages/mark-booking-read': { businessId: '{bizA}', bookingId: '{jobA}', role: 'staff' },
};

/** Function level: admin-only (POLICY 4; legacy let staff call most of these). Staff of A get 403 and nothing changes. */
const ADMIN_ONLY_FOR_STAFF: { request: string; body?: Record<string, unknown>; expected?: string }[] = [
  { request: 'GET /api/invoices/list' },
  { request: 'GET /api/invoice-items/pending' },
  { request: 'POST /api/invoices/generate', body: { clientId: '{clientA}', itemIds: ['{itemA}'] } },
  { request: 'GET /api/invoices/{invoiceA}' },
  { request: 'POST /api/invoices/{invoiceA}/mark-sent' },
  { request: 'POST /api/invoices/{invoiceA}/mark-paid', body: { paymentMethod: 'cash' } },
  { request: 'POST /api/invoices/{invoiceA}/pay', body: { paymentMethod: 'cash' } },
  { request: 'POST /api/invoices/{invoiceA}/resend' },
  { request: 'GET /api/invoices/{invoiceA}/pdf' },
  { request: 'POST /api/invoices/{invoiceA}/checkout' },
  { request: 'GET /api/finance/overview' },
  { request: 'GET /api/finance/forecasts' },
  { request: 'GET /api/finance/breakdowns' },
  { request: 'GET /api/stats/bookings/upcoming-count' },
  { request: 'GET /api/stats/bookings/pending-count' },
  { request: 'GET /api/stats/bookings/upcoming' },
  { request: 'GET /api/stats/clients/count' },
  { request: 'GET /api/stats/invoices/revenue-week' },
  { request: 'POST /api/services/create', body: { name: 'Staff Walk' } },
  { request: 'POST /api/services/{svcA}/update', body: { priceCents: 1 } },
  { request: 'POST /api/services/{svcA}/delete' },
  { request: 'POST /api/business/{bizA}/services', body: { service: { name: 'Staff Walk' } } },
  { request: 'PUT /api/business/{bizA}/services/{srvA}', body: { service: { price: 0 } } },
  { request: 'DELETE /api/business/{bizA}/services/{srvA}' },
  { request: 'POST /api/users/create', body: { role: 'STAFF', name: 'Sidekick' } },
  { request: 'GET /api/users/by-business/{bizA}' },
  { request: 'POST /api/business/settings/update', body: { profile: { businessName: 'Walkers Inc' } } },
  { request: 'PUT /api/business/{bizA}/settings', body: { profile: { businessName: 'Walkers Inc' } }, expected: FORBIDDEN },
  { request: 'PUT /api/business/{bizA}/automation', body: { automation: { bookingReminderEnabled: false } } },
  { request: 'POST /api/clients/create', body: { name: 'Walk-in' } },
  { request: 'POST /api/clients/{clientA}/update', body: { name: 'Renamed' } },
  { request: 'POST /api/dogs/create', body: { clientId: '{clientA}', name: 'Stray' } },
  { request: 'POST /api/client/bookings/request', body: { clientId: '{clientA}', serviceId: '{svcA}', dateTime: START } },
  { request: 'POST /api/bookings/create', body: { clientId: '{clientA}', serviceId: '{svcA}', start: START } },
  { request: 'POST /api/bookings/{jobA}/update', body: { status: 'COMPLETED' } },
  { request: 'POST /api/jobs/approve', body: { id: '{jobA}' } },
];

function fill<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/\{(\w+)\}/g, (_, name: string) => A[name] ?? `{${name}}`));
}

/** "<status> <error>" (or the JSON body of a success); an expected bare status compares the status only */
async function answer(token: string, request: string, body: Record<string, unknown> | undefined, expected: string): Promise<string> {
  const [method, path] = fill(request).split(' ');
  const res = await t.call(method, path, { token, body: body && fill(body) });
  if (/^\d{3}$/.test(expected)) return String(res.status);
  return `${res.status} ${typeof res.body === 'object' ? res.body.error ?? JSON.stringify(res.body) : res.text.slice(0, 60)}`;
}

/** the answer to each attempt, and whether it changed the database */
async function attempt(token: string, request: string, body: Record<string, unknown> | undefined, expected: string) {
  const before = await databaseDigest(t.db);
  const got = await answer(token, request, body, expected);
  const wrote = (await databaseDigest(t.db)) !== before;
  return wrote ? `${got} (and it wrote to the database)` : got;
}

beforeAll(async () => {
  t = await createTestApp();
  const sql = t.db.sql;
  const admin = await t.tokenFor('u_demo_admin');
  const ok = async (method: string, path: string, body?: unknown, token = admin) => {
    const res = await t.call(method, path, { token, body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };

  // business A's objects, made through its admin
  const [svc] = await sql`SELECT id FROM services WHERE business_id = 'biz_demo' ORDER BY seq LIMIT 1`;
  A.svcA = svc.id;
  A.srvA = (await ok('POST', '/api/business/biz_demo/services', { service: { name: 'Settings Walk', price: 10 } })).id;
  const booking = (status: string) =>
    ok('POST', '/api/bookings/create', { clientId: A.clientA, serviceId: A.svcA, dogIds: [A.dogA], start: '2030-05-06T10:00:00.000Z', status, staffId: A.staffA });
  A.jobA = (await booking('PENDING')).job.id;
  const billed = (await booking('BOOKED')).job.id;
  await ok('POST', `/api/bookings/${billed}/update`, { status: 'COMPLETED' });
  const unbilled = (await booking('BOOKED')).job.id;
  await ok('POST', `/api/bookings/${unbilled}/update`, { status: 'COMPLETED' });
  const [billedItem, unbilledItem] = await sql`SELECT id FROM invoice_items WHERE job_id IN (${billed}, ${unbilled}) ORDER BY job_id = ${billed} DESC`;
  A.invoiceA = (await ok('POST', '/api/invoices/generate', { clientId: A.clientA, itemIds: [billedItem.id] })).invoice.id;
  A.itemA = unbilledItem.id;
  await ok('POST', '/api/messages/send', { businessId: A.bizA, clientId: A.clientA, bookingId: A.jobA, senderRole: 'business', message: 'See you Monday' });

  // a second client of A, who owns none of the objects above
  await sql`INSERT INTO clients (id, business_id, name, email) VALUES ('c_a2', 'biz_demo', 'Second Client', 'second@client.test')`;
  await sql`INSERT INTO users (id, business_id, role, name, email, crm_client_id) VALUES ('u_a2', 'biz_demo', 'client', 'Second Client', 'second@client.test', 'c_a2')`;

  // business B, registered through the API, with its own service, staff, client, dog and booking
  const registered = await t.call('POST', '/api/auth/register', { body: { email: 'owner@b.test', password: 'b-password', name: 'Bea' } });
  const adminB = registered.body.token as string;
  A.bizB = registered.body.user.businessId;
  A.svcB = (await ok('POST', '/api/services/create', { name: 'B Walk', durationMinutes: 30, priceCents: 1000 }, adminB)).service.id;
  const staffB = (await ok('POST', '/api/users/create', { role: 'STAFF', name: 'Bob Walker', email: 'bob@b.test' }, adminB)).id;
  A.clientB = (await ok('POST', '/api/clients/create', { name: 'Cleo', email: 'cleo@b.test' }, adminB)).client.id;
  A.dogB = (await ok('POST', '/api/dogs/create', { clientId: A.clientB, name: 'Bruno' }, adminB)).dog.id;
  A.jobB = (await ok('POST', '/api/bookings/create', { clientId: A.clientB, serviceId: A.svcB, dogIds: [A.dogB], start: START }, adminB)).job.id;
  await sql`INSERT INTO users (id, business_id, role, name, email, crm_client_id) VALUES ('u_b_client', ${A.bizB}, 'client', 'Cleo', 'cleo@b.test', ${A.clientB})`;

  Object.assign(tokens, {
    adminB,
    staffB: await t.tokenFor(staffB),
    clientB: await t.tokenFor('u_b_client'),
    clientA2: await t.tokenFor('u_a2'),
    staffA: await t.tokenFor(A.staffA),
  });
}, 60_000);
afterAll(() => t.close());

describe('object level: other businesses and non-owning clients', () => {
  test('the fixtures are real: the owner side reads them', async () => {
    const admin = await t.tokenFor('u_demo_admin');
    for (const path of [`/api/invoices/${A.invoiceA}`, `/api/bookings/${A.jobA}`, `/api/clients/${A.clientA}`]) {
      expect((await t.call('GET', path, { token: admin })).status).toBe(200);
    }
  });

  test('every route taking an id in its path is in the matrix', () => {
    // pay links carry a signed token, support chats belong to no business (anonymous widget)
    const unowned = /^\/(pay\/|api\/support\/chat\/)/;
    const pattern = (request: string) => request.split('?')[0].replace(/\{\w+\}/g, ':id');
    const covered = new Set(ROWS.map((r) => pattern(r.request)));
    const withId = createApp(t.deps)
      .routes.filter((r) => r.path.includes(':') && !unowned.test(r.path) && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.path.replace(/:\w+/g, ':id')}`);
    expect(withId.filter((r) => !covered.has(r))).toEqual([]);
  });

  test.each(ROWS.map((row) => [row.request, row] as const))('%s', async (_, row) => {
    const got: Record<string, string> = {};
    for (const who of ATTACKERS) got[who] = await attempt(tokens[who], row.request, row.body, row.expected[who]);
    expect(got).toEqual(row.expected);
  });
});

describe('cross-business references inside a request', () => {
  test.each(CROSS_REFERENCES.map((c) => [`${c.as}: ${c.request} ${JSON.stringify(c.body ?? '')}`, c] as const))('%s', async (_, c) => {
    expect(await attempt(tokens[c.as], c.request, c.body, fill(c.expected))).toBe(fill(c.expected));
  });
});

describe('function level: a walker of the business', () => {
  test.each(ADMIN_ONLY_FOR_STAFF.map((r) => [r.request, r] as const))('%s is admin-only', async (_, r) => {
    const expected = r.expected ?? ADMIN_ONLY;
    expect(await attempt(tokens.staffA, r.request, r.body, expected)).toBe(expected);
  });

  test('keeps every call the staff screens make', async () => {
    const refused: string[] = [];
    for (const request of STAFF_SCREENS) {
      const got = await answer(tokens.staffA, request, STAFF_SCREEN_BODIES[request], '');
      if (!got.startsWith('200')) refused.push(`${request}: ${got}`);
    }
    expect(refused).toEqual([]);
  });
});
