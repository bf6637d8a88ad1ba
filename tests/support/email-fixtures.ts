// Rows the email triggers read (jobs, invoices, support chats), written with plain SQL because the
// routes that create them live in other areas. Everything belongs to the seeded demo business.
import type { Db } from '../../src/db/client';
import { newId } from '../../src/ids';
import { createTestApp, type TestApp } from './app';
import { startFakeSendGrid, type FakeSendGrid } from './fake-sendgrid';

export const BIZ = 'biz_demo';
export const DEMO_CLIENT = { id: 'c_demo_client', name: 'Demo Client', email: 'demo@client.com' };

/** the env that sends through the real @sendgrid/mail to the fake at url */
export const sendgridEnv = (url: string) => ({
  EMAIL_PROVIDER: 'sendgrid',
  SENDGRID_API_KEY: 'SG.test-key',
  SENDGRID_API_URL: url,
  EMAIL_FROM: 'bookings@pawtimation.test',
});

export interface EmailTestApp {
  t: TestApp;
  sendgrid: FakeSendGrid;
  /** empties the outbox and the fake between tests */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** a fresh seeded app whose mail goes to its own fake SendGrid */
export async function startEmailTestApp(env: Record<string, string> = {}): Promise<EmailTestApp> {
  const sendgrid = startFakeSendGrid();
  const t = await createTestApp({ ...sendgridEnv(sendgrid.url), ...env });
  return {
    t,
    sendgrid,
    async reset() {
      await t.db.sql`DELETE FROM email_outbox`;
      sendgrid.reset();
    },
    async close() {
      await t.close();
      await sendgrid.stop();
    },
  };
}

export async function firstServiceId(db: Db): Promise<string> {
  const [row] = await db.sql`SELECT id FROM services WHERE business_id = ${BIZ} ORDER BY seq LIMIT 1`;
  return row.id;
}

export async function insertClient(db: Db, c: { name: string; email: string }): Promise<string> {
  const id = newId('c_');
  await db.sql`INSERT INTO clients (id, business_id, name, email) VALUES (${id}, ${BIZ}, ${c.name}, ${c.email})`;
  return id;
}

export async function insertDog(db: Db, clientId: string, name: string): Promise<string> {
  const id = newId('dog_');
  await db.sql`INSERT INTO dogs (id, client_id, name) VALUES (${id}, ${clientId}, ${name})`;
  return id;
}

export interface JobFixture {
  clientId?: string;
  status?: 'PENDING' | 'BOOKED' | 'COMPLETED' | 'CANCELLED';
  start?: string;
  dogIds?: string[];
  staffId?: string | null;
  serviceId?: string | null;
  notes?: string;
}

export async function insertJob(db: Db, job: JobFixture = {}): Promise<string> {
  const id = newId('job_');
  const start = job.start ?? '2026-11-23T10:00';
  const serviceId = job.serviceId === undefined ? await firstServiceId(db) : job.serviceId;
  await db.sql`
    INSERT INTO jobs (id, business_id, client_id, dog_ids, staff_id, service_id, start_raw, start_at, status, notes)
    VALUES (${id}, ${BIZ}, ${job.clientId ?? DEMO_CLIENT.id}, ${job.dogIds ?? ['dog_demo']}, ${job.staffId ?? null},
            ${serviceId}, ${start}, ${start}::timestamptz, ${job.status ?? 'PENDING'}, ${job.notes ?? ''})`;
  return id;
}

export async function setJobStatus(db: Db, jobId: string, status: string) {
  await db.sql`UPDATE jobs SET status = ${status}, updated_at = now() WHERE id = ${jobId}`;
}

export interface InvoiceFixture {
  clientId?: string;
  status?: 'UNPAID' | 'PAID';
  items?: { description: string; quantity: number; amount: number }[];
  paymentUrl?: string;
}

export async function insertInvoice(db: Db, inv: InvoiceFixture = {}): Promise<string> {
  const id = newId('inv_');
  const items = inv.items ?? [
    { description: '30min Dog Walk (25 Nov)', quantity: 1, amount: 1500 },
    { description: '30min Dog Walk (26 Nov)', quantity: 1, amount: 1500 },
  ];
  const amount = items.reduce((sum, i) => sum + i.amount, 0);
  await db.sql`
    INSERT INTO invoices (id, business_id, client_id, amount_cents, status, created_at, payment_url, meta)
    VALUES (${id}, ${BIZ}, ${inv.clientId ?? DEMO_CLIENT.id}, ${amount}, ${inv.status ?? 'UNPAID'},
            '2026-11-21T23:41:02.210Z', ${inv.paymentUrl ?? `https://pay.stripe.com/link/${id}`},
            ${db.sql.json({ items })})`;
  return id;
}

export async function insertSupportChat(
  db: Db,
  chat: { transcript: { role: string; text: string; ts?: number }[]; context?: Record<string, unknown> },
): Promise<string> {
  const id = newId('chat_');
  await db.sql`
    INSERT INTO support_chats (id, transcript, context, escalated, created_at)
    VALUES (${id}, ${db.sql.json(chat.transcript)}, ${db.sql.json((chat.context ?? {}) as never)}, true,
            '2026-11-21T09:30:00Z')`;
  return id;
}

/** merges a patch into one settings section of the demo business */
export async function patchSettings(db: Db, section: string, patch: Record<string, unknown>) {
  await db.sql`
    UPDATE businesses SET settings = jsonb_set(settings, ${[section]}, coalesce(settings -> ${section}, '{}') || ${db.sql.json(patch as never)})
    WHERE id = ${BIZ}`;
}

export interface OutboxRowView {
  eventKey: string;
  kind: string;
  refId: string;
  recipients: string[];
  status: string;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  /** as stored: attachment references, never document bytes */
  attachments: unknown[];
}

export async function outboxRows(db: Db): Promise<OutboxRowView[]> {
  const rows = await db.sql<OutboxRowView[]>`
    SELECT event_key AS "eventKey", kind, ref_id AS "refId", recipients, status, attempts, last_error AS "lastError",
           provider_message_id AS "providerMessageId", attachments
    FROM email_outbox ORDER BY id`;
  return [...rows];
}
