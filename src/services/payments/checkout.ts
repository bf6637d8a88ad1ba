// Stripe Checkout for one invoice: reuse the invoice's session while it is still open, else create
// one. The invoice is never marked paid here: only the webhook does that.
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import type { AuthUser } from '../../auth/guards';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { PaymentInvoiceRow } from '../../db/queries/payments';
import { badRequest, HttpError } from '../../http/errors';
import type { Logger } from '../../log';
import { payTokenFor } from './pay-links';

export interface CheckoutDeps {
  config: Pick<Config, 'jwtSecret' | 'publicBaseUrl'>;
  db: Db;
  log: Logger;
  stripe: Stripe;
}

export interface OpenedCheckout {
  url: string;
  sessionId: string;
}

const ALREADY_PAID = 'Invoice has already been marked as paid';
// a reused session must leave the payer time to finish
const REUSE_MARGIN_MS = 10 * 60 * 1000;

export const isPaid = (invoice: Pick<PaymentInvoiceRow, 'status' | 'paidAt'>) =>
  invoice.status.toUpperCase() === 'PAID' || invoice.paidAt !== null;

/** "#J6NGG72VPYLJ": the legacy invoice number as the PDF prints it */
export const invoiceNumber = (invoiceId: string) => `#${invoiceId.replace('inv_', '').toUpperCase()}`;

/** The invoice's own client user, or any non-client user of its business. */
export function mayPay(user: AuthUser, invoice: PaymentInvoiceRow): boolean {
  if (user.role.toUpperCase() === 'CLIENT') return user.crmClientId === invoice.clientId;
  return user.businessId === invoice.businessId;
}

export async function openCheckout(deps: CheckoutDeps, invoice: PaymentInvoiceRow): Promise<OpenedCheckout> {
  if (isPaid(invoice)) throw badRequest(ALREADY_PAID);
  if (invoice.amountCents <= 0) throw badRequest('Invoice total is zero: there is nothing to pay');

  let session: Stripe.Checkout.Session;
  try {
    const reusable = await openSessionOf(deps.stripe, invoice);
    if (reusable) return reusable;
    const params = await sessionParams(deps.config, invoice);
    session = await deps.stripe.checkout.sessions.create(params, { idempotencyKey: idempotencyKey(invoice, params) });
  } catch (e) {
    if (!(e instanceof Stripe.errors.StripeError)) throw e;
    deps.log.warn('stripe checkout failed', { invoiceId: invoice.id, type: e.type, code: e.code, status: e.statusCode, message: e.message });
    throw new HttpError(502, 'Payment provider error: the card payment could not be started. Please try again later.');
  }
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
  const saved = await deps.db.q.payments.saveCheckoutSession(invoice.id, session.id, session.url, new Date(session.expires_at * 1000));
  // marked paid by hand while Stripe was answering: do not send the payer on to pay it again
  if (!saved) throw badRequest(ALREADY_PAID);
  return { url: session.url, sessionId: session.id };
}

/** The invoice's remembered session while Stripe says it is open; null when a new one is needed. */
async function openSessionOf(stripe: Stripe, invoice: PaymentInvoiceRow): Promise<OpenedCheckout | null> {
  const { checkoutSessionId: id, checkoutExpiresAt: expiresAt } = invoice;
  if (!id || !expiresAt || expiresAt.getTime() <= Date.now()) return null;
  const session = await stripe.checkout.sessions.retrieve(id);
  if (session.status === 'complete') {
    // paid (or an async payment under way) and the webhook has not landed yet: never take a second payment
    throw badRequest('A payment for this invoice has already been made and is being confirmed');
  }
  if (session.status !== 'open' || !session.url) return null;
  if (session.expires_at * 1000 - Date.now() >= REUSE_MARGIN_MS) return { url: session.url, sessionId: session.id };
  // about to lapse: close it, so that only the replacement can take a payment
  await stripe.checkout.sessions.expire(id);
  return null;
}

async function sessionParams(config: CheckoutDeps['config'], invoice: PaymentInvoiceRow): Promise<Stripe.Checkout.SessionCreateParams> {
  const payPage = `${config.publicBaseUrl}/pay/${await payTokenFor(config, invoice.id)}`;
  const label = `Invoice ${invoiceNumber(invoice.id)} from ${invoice.businessName}`;
  const metadata = { invoiceId: invoice.id, clientId: invoice.clientId, businessId: invoice.businessId };
  const email = invoice.clientEmail?.trim() ?? '';
  return {
    mode: 'payment',
    line_items: [
      { quantity: 1, price_data: { currency: invoice.currency, unit_amount: invoice.amountCents, product_data: { name: label } } },
    ],
    // Stripe refuses a malformed address; the payer then types it on the Checkout page
    ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { customer_email: email } : {}),
    client_reference_id: invoice.id,
    metadata,
    payment_intent_data: { description: label, metadata },
    success_url: `${payPage}/success`,
    cancel_url: `${payPage}/cancelled`,
  };
}

// Two requests racing to replace the same session (or to create the first) send the same key, so
// Stripe answers both with one session; changed parameters (a new client email) get a new key.
function idempotencyKey(invoice: PaymentInvoiceRow, params: Stripe.Checkout.SessionCreateParams): string {
  const digest = createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 24);
  return `checkout-${invoice.id}-${invoice.checkoutSessionId ?? 'first'}-${digest}`;
}
