// Jobs, pending invoice items and a second business written straight into the database, for the
// invoice and finance tests. Items have the shape legacy setJobStatus gives them when a job is
// completed (description "30min Dog Walk (25 Nov)", date = the job's start verbatim); the bookings
// area creates them through its routes once the branches meet.
import { createApp } from '../../src/app';
import { defaultSettings } from '../../src/domain/settings';
import { newId } from '../../src/ids';
import type { TestApp } from './app';

export const DEMO_BUSINESS = 'biz_demo';
export const DEMO_CLIENT = 'c_demo_client';

export interface JobSpec {
  businessId?: string;
  clientId?: string;
  serviceName?: string;
  staffId?: string | null;
  /** the start string as the client sent it; zone-less strings are UTC */
  start?: string;
  status?: 'PENDING' | 'BOOKED' | 'COMPLETED' | 'CANCELLED';
  priceCents?: number | null;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function parsedStart(start: string): Date | null {
  const at = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(start) ? start : `${start}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export async function serviceId(t: TestApp, name: string, businessId = DEMO_BUSINESS): Promise<{ id: string; priceCents: number }> {
  const [row] = await t.db.sql`SELECT id, price_cents AS "priceCents" FROM services WHERE business_id = ${businessId} AND name = ${name}`;
  if (!row) throw new Error(`no service ${name} in ${businessId}`);
  return row as { id: string; priceCents: number };
}

export async function createJob(t: TestApp, spec: JobSpec = {}): Promise<string> {
  const id = newId('job_');
  const businessId = spec.businessId ?? DEMO_BUSINESS;
  const service = await serviceId(t, spec.serviceName ?? '30min Dog Walk', businessId);
  const start = spec.start ?? '2030-03-04T09:00:00.000Z';
  const priceCents = spec.priceCents === undefined ? service.priceCents : spec.priceCents;
  await t.db.sql`
    INSERT INTO jobs (id, business_id, client_id, staff_id, service_id, start_raw, start_at, status, price_cents)
    VALUES (${id}, ${businessId}, ${spec.clientId ?? DEMO_CLIENT}, ${spec.staffId ?? null}, ${service.id},
            ${start}, ${parsedStart(start)}, ${spec.status ?? 'BOOKED'}, ${priceCents})`;
  return id;
}

/** a COMPLETED job and the PENDING item legacy creates for it; returns both ids */
export async function completedJobWithItem(t: TestApp, spec: Omit<JobSpec, 'status'> = {}): Promise<{ jobId: string; itemId: string }> {
  const jobId = await createJob(t, { ...spec, status: 'COMPLETED' });
  const [job] = await t.db.sql`
    SELECT j.business_id, j.client_id, j.start_raw, j.start_at, COALESCE(NULLIF(j.price_cents, 0), s.price_cents, 0) AS price, s.name
    FROM jobs j LEFT JOIN services s ON s.id = j.service_id WHERE j.id = ${jobId}`;
  const itemId = newId('item_');
  const date = job.start_at ? dayMonth.format(job.start_at) : 'Invalid Date';
  await t.db.sql`
    INSERT INTO invoice_items (id, job_id, client_id, business_id, description, quantity, price_cents, item_date, status)
    VALUES (${itemId}, ${jobId}, ${job.client_id}, ${job.business_id}, ${`${job.name || 'Service'} (${date})`}, 1,
            ${job.price}, ${job.start_raw}, 'PENDING')`;
  return { jobId, itemId };
}

export async function createClient(t: TestApp, name: string, extra: { businessId?: string; email?: string; phone?: string; address?: string } = {}) {
  const id = newId('c_');
  await t.db.sql`
    INSERT INTO clients (id, business_id, name, email, phone, address)
    VALUES (${id}, ${extra.businessId ?? DEMO_BUSINESS}, ${name}, ${extra.email ?? ''}, ${extra.phone ?? ''}, ${extra.address ?? ''})`;
  return id;
}

/** a business with an admin, the usual 30 min service (2000) and nothing else */
export async function emptyBusiness(t: TestApp, name = 'Other Walkers') {
  const businessId = newId('biz_');
  const adminId = newId('u_');
  await t.db.sql`INSERT INTO businesses (id, name, settings) VALUES (${businessId}, ${name}, ${t.db.sql.json(defaultSettings(name) as never)})`;
  await t.db.sql`INSERT INTO users (id, business_id, role, name, email) VALUES (${adminId}, ${businessId}, 'ADMIN', 'Other Admin', ${`${adminId}@other.test`})`;
  await t.db.sql`INSERT INTO services (id, business_id, name, price_cents) VALUES (${newId('svc_')}, ${businessId}, '30min Dog Walk', 2000)`;
  return { businessId, adminId, token: await t.tokenFor(adminId) };
}

/** another business with a client and one pending item */
export async function otherBusiness(t: TestApp) {
  const business = await emptyBusiness(t);
  const clientId = await createClient(t, 'Other Client', { businessId: business.businessId });
  const { jobId, itemId } = await completedJobWithItem(t, { businessId: business.businessId, clientId });
  return { ...business, clientId, jobId, itemId };
}

export async function staffUser(t: TestApp, businessId: string, name: string, email = `${newId('s_')}@staff.test`) {
  const id = newId('u_');
  await t.db.sql`INSERT INTO users (id, business_id, role, name, email) VALUES (${id}, ${businessId}, 'STAFF', ${name}, ${email})`;
  return id;
}

/** an invoice written directly, for figures that depend on when it was paid */
export async function invoiceAt(
  t: TestApp,
  spec: { businessId: string; clientId: string; amountCents: number; status?: 'PAID' | 'UNPAID'; paidAt?: Date | null; createdAt?: Date },
) {
  const id = newId('inv_');
  const status = spec.status ?? 'PAID';
  await t.db.sql`
    INSERT INTO invoices (id, business_id, client_id, amount_cents, status, paid_at, payment_method, created_at, payment_url)
    VALUES (${id}, ${spec.businessId}, ${spec.clientId}, ${spec.amountCents}, ${status},
            ${spec.paidAt === undefined ? (status === 'PAID' ? new Date() : null) : spec.paidAt},
            ${status === 'PAID' ? 'cash' : null}, ${spec.createdAt ?? new Date()}, ${`https://pay.stripe.com/link/${id}`})`;
  return id;
}

/** GET through the app, keeping the body as bytes (t.call decodes text) */
export async function getBytes(t: TestApp, path: string, token: string) {
  const res = await createApp(t.deps).handle(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}
