// Shared set-up for the booking tests: an app whose realtime records every emitted event, the demo
// ids, and a second business to attempt cross-business access from.
import { defaultSettings } from '../src/domain/settings';
import type { RealtimeEvent } from '../src/services/realtime';
import { createTestApp, type TestApp } from './support/app';

export interface EmittedEvent {
  businessId: string;
  event: RealtimeEvent;
  payload: Record<string, unknown>;
}

export interface BookingTestApp extends TestApp {
  events: EmittedEvent[];
  tokens: { admin: string; staff1: string; staff2: string; client: string };
  ids: { svc30: string; svc60: string };
}

export const STAFF1 = 'u_demo_staff1';
export const STAFF2 = 'u_demo_staff2';
export const DEMO_CLIENT = 'c_demo_client';
export const MAX = 'dog_demo';

/** hooks that build a database need more than bun's 5 s default on a busy machine */
export const SETUP_TIMEOUT_MS = 60_000;

export async function createBookingTestApp(): Promise<BookingTestApp> {
  const events: EmittedEvent[] = [];
  const t = await createTestApp({}, (deps) => ({
    ...deps,
    realtime: { emit: (businessId, event, payload) => events.push({ businessId, event, payload }) },
  }));
  const services = await t.db.sql<{ id: string; name: string }[]>`SELECT id, name FROM services WHERE business_id = 'biz_demo'`;
  const svc = (name: string) => services.find((s) => s.name === name)!.id;
  // signed directly: four bcrypt logins per file would only slow the suite (login has its own tests)
  const [admin, staff1, staff2, client] = await Promise.all(
    ['u_demo_admin', STAFF1, STAFF2, 'u_demo_client'].map((id) => t.tokenFor(id)),
  );
  return Object.assign(t, { events, tokens: { admin, staff1, staff2, client }, ids: { svc30: svc('30min Dog Walk'), svc60: svc('60min Dog Walk') } });
}

/** a second business with an admin, a qualified staff member, a client with a dog and a service */
export async function createOtherBusiness(t: TestApp) {
  const q = t.db.q;
  await q.businesses.insert('biz_other', 'Other Walkers', null, defaultSettings('Other Walkers'));
  await q.users.insert('u_other_admin', 'biz_other', 'ADMIN', 'Other Admin', 'other-admin@example.com', '', null, false, null);
  await q.users.insert('u_other_staff', 'biz_other', 'STAFF', 'Other Staff', 'other-staff@example.com', '', null, false, null);
  await q.services.insert('svc_other', 'biz_other', 'Other Walk', '', 30, 999, false, 1, true, false, true);
  await q.staff.setServices('u_other_staff', ['svc_other']);
  await q.clients.insert('c_other', 'biz_other', 'Other Client', 'oc@example.com', '', '', '1 Road', 'Town', 'AB1 2CD', 51.5, -0.1, '', true, 1, '', '', '', '', '', '', new Date());
  await q.dogs.insert('dog_other', 'c_other', 'Rex', 'Mutt', 4, {}, '');
  return {
    admin: await t.tokenFor('u_other_admin'),
    staff: await t.tokenFor('u_other_staff'),
  };
}

/** POST /api/bookings/create as the demo admin; returns the raw job */
export async function adminCreate(t: BookingTestApp, body: Record<string, unknown>) {
  const res = await t.call('POST', '/api/bookings/create', { token: t.tokens.admin, body: { clientId: DEMO_CLIENT, dogIds: [MAX], ...body } });
  if (res.status !== 200) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body.job as Record<string, any>;
}

export const countJobs = async (t: TestApp) => (await t.db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM jobs`)[0].n;
export interface ItemRow {
  description: string;
  price_cents: number;
  item_date: string;
  status: string;
  quantity: number;
}

export const invoiceItemsOf = async (t: TestApp, jobId: string): Promise<ItemRow[]> => [
  ...(await t.db.sql<ItemRow[]>`
    SELECT description, price_cents, item_date, status, quantity FROM invoice_items WHERE job_id = ${jobId} ORDER BY seq`),
];

