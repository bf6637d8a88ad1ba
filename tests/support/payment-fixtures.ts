// Invoices and a second business written straight into the database, in the legacy invoice shape
// (the invoice routes live in another area): enough for the payment tests to act on.
import type { Db } from '../../src/db/client';
import { defaultSettings } from '../../src/domain/settings';
import { newId } from '../../src/ids';

export interface InvoiceFixture {
  businessId?: string;
  clientId?: string;
  amountCents?: number;
  status?: 'UNPAID' | 'PAID';
  paidAt?: Date | null;
  paymentMethod?: string | null;
}

/** An invoice as POST /api/invoices/generate leaves it (one billed item). */
export async function insertInvoice(db: Db, fixture: InvoiceFixture = {}): Promise<string> {
  const id = newId('inv_');
  const amountCents = fixture.amountCents ?? 4500;
  const items = [{ id: newId('item_'), description: '30min Dog Walk (25 Nov)', quantity: 1, amount: amountCents, date: '2026-11-25T10:00:00' }];
  await db.sql`
    INSERT INTO invoices (id, business_id, client_id, job_id, amount_cents, status, paid_at, payment_method, payment_url, meta)
    VALUES (${id}, ${fixture.businessId ?? 'biz_demo'}, ${fixture.clientId ?? 'c_demo_client'}, null, ${amountCents},
            ${fixture.status ?? 'UNPAID'}, ${fixture.paidAt ?? null}, ${fixture.paymentMethod ?? null},
            ${`https://pay.stripe.com/link/${id}`}, ${db.sql.json({ items })})`;
  return id;
}

export interface OtherBusiness {
  businessId: string;
  clientId: string;
  clientUserId: string;
  adminUserId: string;
}

/** A second business with its own admin and a client who can log in (tokens via t.tokenFor). */
export async function insertOtherBusiness(db: Db, name = 'Other Walkers'): Promise<OtherBusiness> {
  const ids = { businessId: newId('biz_'), clientId: newId('c_'), clientUserId: newId('u_'), adminUserId: newId('u_') };
  await db.sql`INSERT INTO businesses (id, name, settings) VALUES (${ids.businessId}, ${name}, ${db.sql.json(defaultSettings(name) as never)})`;
  await db.sql`INSERT INTO clients (id, business_id, name, email) VALUES (${ids.clientId}, ${ids.businessId}, 'Other Client', 'other@client.com')`;
  await db.sql`
    INSERT INTO users (id, business_id, role, name, email, crm_client_id) VALUES
      (${ids.clientUserId}, ${ids.businessId}, 'client', 'Other Client', 'other@client.com', ${ids.clientId}),
      (${ids.adminUserId}, ${ids.businessId}, 'ADMIN', 'Other Admin', 'admin@other.com', null)`;
  return ids;
}

export interface InvoiceState {
  status: string;
  paidAt: Date | null;
  paymentMethod: string | null;
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
}

export async function invoiceState(db: Db, invoiceId: string): Promise<InvoiceState> {
  const [row] = await db.sql<InvoiceState[]>`
    SELECT status, paid_at AS "paidAt", payment_method AS "paymentMethod",
           stripe_checkout_session_id AS "checkoutSessionId", stripe_payment_intent_id AS "paymentIntentId"
    FROM invoices WHERE id = ${invoiceId}`;
  return row;
}

/**
 * What the finance and stats figures read (invoices-finance-stats.md §4, §5): the business's PAID
 * invoices, all time and by paid_at this month (totalRevenueCents, thisMonthRevenueCents, totalInvoices).
 */
export async function paidRevenue(db: Db, businessId = 'biz_demo') {
  const [row] = await db.sql<{ totalCents: number; thisMonthCents: number; paidInvoices: number }[]>`
    SELECT coalesce(sum(amount_cents), 0)::int AS "totalCents",
           coalesce(sum(amount_cents) FILTER (WHERE coalesce(paid_at, created_at) >= date_trunc('month', now())), 0)::int AS "thisMonthCents",
           count(*)::int AS "paidInvoices"
    FROM invoices WHERE business_id = ${businessId} AND upper(status) = 'PAID'`;
  return row;
}
