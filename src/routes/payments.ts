// Stripe payments: Checkout for an invoice, the pay links printed on invoices, the pages around
// Checkout, and the webhook that marks invoices paid (issue 7). Only the checkout route needs a
// login; the pay routes are authorised by their signed token, the webhook by Stripe's signature.
import { Elysia } from 'elysia';
import type { PaymentInvoiceRow } from '../db/queries/payments';
import type { AppDeps } from '../deps';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors';
import { invoiceNumber, isPaid, mayPay, openCheckout } from '../services/payments/checkout';
import { payPageResponse, type PayPage } from '../services/payments/pages';
import { invoiceIdFromPayToken } from '../services/payments/pay-links';
import { createStripeClient } from '../services/payments/stripe-client';
import { applyStripeEvent, verifyStripeEvent } from '../services/payments/webhook';

type InvoicePage = Omit<PayPage, 'frontendBaseUrl' | 'businessName' | 'brandColor' | 'invoiceLabel'>;

export const paymentRoutes = (deps: AppDeps) => {
  const stripe = createStripeClient(deps.config);
  const checkoutDeps = { config: deps.config, db: deps.db, log: deps.log, stripe };
  const webhookDeps = { db: deps.db, log: deps.log, realtime: deps.realtime, stripe, webhookSecret: deps.config.stripeWebhookSecret };
  const { frontendBaseUrl } = deps.config;

  async function invoiceForToken(token: string): Promise<PaymentInvoiceRow | null> {
    const invoiceId = await invoiceIdFromPayToken(deps.config, token);
    return invoiceId ? deps.db.q.payments.invoiceForPayment(invoiceId) : null;
  }

  const invoicePage = (invoice: PaymentInvoiceRow, page: InvoicePage) =>
    payPageResponse({
      frontendBaseUrl,
      businessName: invoice.businessName,
      brandColor: invoice.brandColor,
      invoiceLabel: `Invoice ${invoiceNumber(invoice.id)}`,
      ...page,
    });

  const invalidLinkPage = () =>
    payPageResponse({
      status: 404,
      title: 'Payment link not valid',
      message: 'This payment link is not valid. Please use the link on your invoice, or contact the business.',
      frontendBaseUrl,
    });

  const statusOf = (invoice: PaymentInvoiceRow, token: string) => ({ paid: isPaid(invoice), statusUrl: `/pay/${token}/status` });

  return new Elysia({ name: 'payments' })
    .post(
      '/api/invoices/:invoiceId/checkout',
      async ({ request, params }) => {
        const user = await deps.guards.user(request.headers);
        // POLICY 4: invoices are admin-only; staff are not payers
        if (user.role.toUpperCase() === 'STAFF') throw forbidden('forbidden: admin access required');
        const invoice = await deps.db.q.payments.invoiceForPayment(params.invoiceId);
        if (!invoice) throw notFound('Invoice not found');
        if (!mayPay(user, invoice)) throw forbidden("forbidden: cannot access other businesses' invoices");
        return openCheckout(checkoutDeps, invoice);
      },
      { parse: 'none' },
    )
    .get('/pay/:token', async ({ params: { token } }) => {
      const invoice = await invoiceForToken(token);
      if (!invoice) return invalidLinkPage();
      if (isPaid(invoice)) {
        return invoicePage(invoice, { status: 200, title: 'Invoice paid', message: 'This invoice has been paid. Thank you!', invoiceStatus: statusOf(invoice, token) });
      }
      try {
        const { url } = await openCheckout(checkoutDeps, invoice);
        return new Response(null, { status: 303, headers: { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        return invoicePage(invoice, {
          status: e.status,
          title: 'Payment unavailable',
          message: String(e.body.error),
          invoiceStatus: statusOf(invoice, token),
          retryUrl: e.status === 502 ? `/pay/${token}` : undefined,
        });
      }
    })
    .get('/pay/:token/success', async ({ params: { token } }) => {
      const invoice = await invoiceForToken(token);
      if (!invoice) return invalidLinkPage();
      return invoicePage(invoice, {
        status: 200,
        title: 'Payment received',
        message: 'Thank you for your payment. The invoice shows as paid as soon as the card payment is confirmed; you can close this page.',
        invoiceStatus: statusOf(invoice, token),
      });
    })
    .get('/pay/:token/cancelled', async ({ params: { token } }) => {
      const invoice = await invoiceForToken(token);
      if (!invoice) return invalidLinkPage();
      const paid = isPaid(invoice);
      return invoicePage(invoice, {
        status: 200,
        title: 'Payment cancelled',
        message: paid ? 'This invoice has already been paid.' : 'No payment was taken. You can pay later with the link on your invoice.',
        invoiceStatus: statusOf(invoice, token),
        retryUrl: paid ? undefined : `/pay/${token}`,
      });
    })
    .get('/pay/:token/status', async ({ params: { token }, set }) => {
      const invoice = await invoiceForToken(token);
      if (!invoice) throw notFound('Invoice not found');
      set.headers['cache-control'] = 'no-store';
      return { status: isPaid(invoice) ? 'paid' : 'unpaid' };
    })
    .post(
      '/api/webhooks/stripe',
      async ({ request }) => {
        // the signature covers the exact bytes Stripe sent: read them before anything parses them
        const rawBody = await request.text();
        const event = await verifyStripeEvent(webhookDeps, rawBody, request.headers.get('stripe-signature'));
        if (!event) throw badRequest('Invalid Stripe signature');
        await applyStripeEvent(webhookDeps, event);
        return { received: true };
      },
      { parse: 'none' },
    );
};
