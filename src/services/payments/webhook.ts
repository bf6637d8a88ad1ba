// The Stripe webhook: verify the signature on the raw body, then apply a paid Checkout Session to
// its invoice exactly once. The event id is claimed in the same transaction as the invoice update,
// so a redelivered or concurrently delivered event changes nothing the second time.
import type Stripe from 'stripe';
import type { Db } from '../../db/client';
import type { LockedInvoiceRow } from '../../db/queries/payments';
import type { Logger } from '../../log';
import type { Realtime } from '../realtime';

export interface WebhookDeps {
  db: Db;
  log: Logger;
  realtime: Realtime;
  stripe: Stripe;
  webhookSecret: string;
}

type PaymentOutcome = 'paid' | 'already_paid' | 'unknown_invoice' | 'amount_mismatch' | 'currency_mismatch';
export type WebhookOutcome = PaymentOutcome | 'duplicate' | 'ignored';

/** The verified event, or null for a missing, bad or stale (over 5 minutes) signature. */
export async function verifyStripeEvent(deps: WebhookDeps, rawBody: string, signature: string | null): Promise<Stripe.Event | null> {
  if (!signature) return null;
  try {
    return await deps.stripe.webhooks.constructEventAsync(rawBody, signature, deps.webhookSecret);
  } catch (e) {
    deps.log.warn('stripe webhook signature refused', { error: (e as Error).message });
    return null;
  }
}

export async function applyStripeEvent(deps: WebhookDeps, event: Stripe.Event): Promise<WebhookOutcome> {
  const session = paidSession(event);
  if (!session) return 'ignored';
  const invoiceId = session.metadata?.invoiceId || session.client_reference_id || null;

  const result = await deps.db.tx(async (q) => {
    if (!(await q.payments.claimStripeEvent(event.id, event.type, invoiceId))) return { outcome: 'duplicate' as const };
    const invoice = invoiceId ? await q.payments.lockInvoiceForStripe(invoiceId) : null;
    const outcome = paymentOutcome(invoice, session);
    if (outcome === 'paid') await q.payments.markPaidByStripe(invoice!.id, session.id, paymentIntentId(session));
    await q.payments.setStripeEventOutcome(event.id, outcome);
    return { outcome, businessId: invoice?.businessId };
  });

  const fields = { eventId: event.id, type: event.type, invoiceId, sessionId: session.id, outcome: result.outcome };
  if (result.outcome === 'paid' && result.businessId) {
    deps.log.info('invoice paid by stripe', fields);
    deps.realtime.emit(result.businessId, 'invoice:updated', { invoiceId, status: 'PAID' });
    deps.realtime.emit(result.businessId, 'stats:changed', { scope: 'all' });
  } else if (result.outcome === 'already_paid') {
    deps.log.warn('stripe payment for an invoice already paid: refund it by hand if the client paid twice', fields);
  } else if (result.outcome !== 'duplicate') {
    deps.log.error('stripe payment not applied', { ...fields, amountTotal: session.amount_total, currency: session.currency });
  }
  return result.outcome;
}

/** The session of an event that means "money received"; null for every other event. */
function paidSession(event: Stripe.Event): Stripe.Checkout.Session | null {
  if (event.type === 'checkout.session.async_payment_succeeded') return event.data.object;
  if (event.type === 'checkout.session.completed' && event.data.object.payment_status === 'paid') return event.data.object;
  return null;
}

function paymentOutcome(invoice: LockedInvoiceRow | null, session: Stripe.Checkout.Session): PaymentOutcome {
  const metadataBusiness = session.metadata?.businessId;
  if (!invoice || (metadataBusiness && metadataBusiness !== invoice.businessId)) return 'unknown_invoice';
  if (invoice.status === 'PAID' || invoice.paidAt) return 'already_paid';
  if (session.amount_total !== invoice.amountCents) return 'amount_mismatch';
  if ((session.currency ?? '').toLowerCase() !== invoice.currency) return 'currency_mismatch';
  return 'paid';
}

const paymentIntentId = (session: Stripe.Checkout.Session) =>
  typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
