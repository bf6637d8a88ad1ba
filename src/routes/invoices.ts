// /api/invoices and /api/invoice-items (invoices-finance-stats.md §2), scoped to the caller's business.
// POLICY 4: admin-only (requireAdminUser); legacy let staff read, generate and mark paid. A client
// gets the same 403 "forbidden: admin access required" as legacy.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import type { InvoiceRow } from '../db/queries/invoices';
import { detailLines, invoiceNumberOf, isPaymentMethod, PAYMENT_METHODS } from '../domain/invoices';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors';
import { LISTS_AND_BILLING } from '../cache/list-cache';
import { invoicesRepo, type GenerateRefusal, type UpdateResult } from '../repo/invoices';
import { invoicePdf, pdfInvoiceNumber } from '../services/pdf/invoice-document';
import { payLinkFor } from '../services/payments/pay-links';
import { jsonText } from './json-text';

const FORBIDDEN_ACCESS = "forbidden: cannot access other businesses' invoices";
const FORBIDDEN_UPDATE = "forbidden: cannot update other businesses' invoices";
const FORBIDDEN_RESEND = "forbidden: cannot resend other businesses' invoices";

const REFUSALS: Record<GenerateRefusal, () => HttpError> = {
  item_not_found: () => notFound('One or more items not found'),
  item_of_other_business: () => forbidden('forbidden: items do not belong to your business'),
  item_of_other_client: () => badRequest('All items must belong to the same client'),
  item_not_pending: () => badRequest('Can only invoice PENDING items'),
};

const field = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;

export const invoiceRoutes = (deps: AppDeps) => {
  const invoices = invoicesRepo(deps.db, {
    payLink: (invoiceId) => payLinkFor(deps.config, invoiceId),
    onGenerated: (q, invoice) =>
      deps.email.queueInvoiceGenerated(q, { businessId: invoice.businessId, invoiceId: invoice.id }),
  });

  /** the legacy per-invoice checks: guard, 404, then 403 with the route's own message */
  async function ownInvoice(headers: Headers, invoiceId: string, forbiddenMessage: string) {
    const { businessId } = await deps.guards.requireAdminUser(headers);
    const invoice = await invoices.getInvoice(invoiceId);
    if (!invoice) throw notFound('Invoice not found');
    if (invoice.businessId !== businessId) throw forbidden(forbiddenMessage);
    return invoice;
  }

  const updated = (result: UpdateResult, conflictMessage: string) => {
    if ('conflict' in result) throw badRequest(conflictMessage);
    return { success: true, invoice: result.invoice };
  };

  /** mark-paid and its older alias pay: same checks in the same order */
  async function markPaid(headers: Headers, invoiceId: string, body: unknown) {
    const invoice = await ownInvoice(headers, invoiceId, FORBIDDEN_UPDATE);
    if (isPaid(invoice)) throw badRequest('Invoice has already been marked as paid');
    const paymentMethod = field(body, 'paymentMethod');
    if (!paymentMethod) throw badRequest('paymentMethod is required');
    if (!isPaymentMethod(paymentMethod)) throw badRequest(`Invalid payment method. Must be one of: ${PAYMENT_METHODS.join(', ')}`);
    return updated(await invoices.markInvoicePaid(invoice.id, invoice.businessId, paymentMethod), 'Invoice has already been marked as paid');
  }

  return new Elysia({ name: 'invoices', prefix: '/api' })
    .get('/invoice-items/pending', async ({ request }) => {
      const { businessId } = await deps.guards.requireAdminUser(request.headers);
      const business = businessId ?? '';
      return jsonText(await deps.lists.get(business, 'pending invoice items', () => invoices.listPendingItemsByClient(business)));
    })
    .get('/invoices/list', async ({ request }) => {
      const { businessId } = await deps.guards.requireAdminUser(request.headers);
      const business = businessId ?? '';
      // kept under the data version read before the list is built
      return jsonText(
        await deps.lists.get(business, 'invoice list', async () => ({ list: await invoices.listInvoicesByBusiness(business) }), LISTS_AND_BILLING),
      );
    })
    .post('/invoices/generate', async ({ request, body }) => {
      const { businessId } = await deps.guards.requireAdminUser(request.headers);
      const clientId = field(body, 'clientId');
      const itemIds = field(body, 'itemIds');
      if (!clientId || !Array.isArray(itemIds) || itemIds.length === 0) {
        throw badRequest('clientId and itemIds (array) are required');
      }
      const result = await invoices.generateInvoiceFromItems(businessId ?? '', clientId, itemIds);
      if ('refused' in result) throw REFUSALS[result.refused]();
      return { success: true, invoice: result.invoice };
    })
    .get('/invoices/:invoiceId', async ({ request, params }) => {
      const invoice = await ownInvoice(request.headers, params.invoiceId, FORBIDDEN_ACCESS);
      const detail = (await invoices.getInvoiceDetail(invoice.id))!;
      return {
        invoiceId: invoice.id,
        invoiceNumber: invoiceNumberOf(invoice.id),
        clientName: detail.clientName || 'Unknown Client',
        clientEmail: detail.clientEmail,
        clientPhone: detail.clientPhone,
        total: invoice.amountCents,
        status: invoice.status.toLowerCase(),
        dueDate: invoice.createdAt,
        items: detailLines(invoice.meta, invoice.amountCents, detail.jobStart),
        createdAt: invoice.createdAt,
        paidAt: invoice.paidAt,
      };
    })
    .post('/invoices/:invoiceId/mark-sent', async ({ request, params }) => {
      const invoice = await ownInvoice(request.headers, params.invoiceId, FORBIDDEN_UPDATE);
      const alreadySent = 'Invoice has already been marked as sent';
      if (invoice.sentToClient) throw badRequest(alreadySent);
      return updated(await invoices.markInvoiceSent(invoice.id, invoice.businessId), alreadySent);
    })
    .post('/invoices/:invoiceId/mark-paid', ({ request, params, body }) => markPaid(request.headers, params.invoiceId, body))
    .post('/invoices/:invoiceId/pay', ({ request, params, body }) => markPaid(request.headers, params.invoiceId, body))
    .post('/invoices/:invoiceId/resend', async ({ request, params }) => {
      const invoice = await ownInvoice(request.headers, params.invoiceId, FORBIDDEN_RESEND);
      await deps.db.tx((q) => deps.email.queueInvoiceResent(q, { businessId: invoice.businessId, invoiceId: invoice.id }));
      return { success: true, message: 'Invoice resent successfully' };
    })
    .get('/invoices/:invoiceId/pdf', async ({ request, params }) => {
      const invoice = await ownInvoice(request.headers, params.invoiceId, FORBIDDEN_ACCESS);
      const invoiceNumber = pdfInvoiceNumber(invoice.id);
      let pdf: Uint8Array;
      try {
        pdf = await invoicePdf(deps.db.q, invoice.id);
      } catch (error) {
        deps.log.error('invoice pdf failed', { invoiceId: invoice.id, error });
        throw new HttpError(500, 'Failed to generate PDF');
      }
      return new Response(pdf, {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="invoice-${invoiceNumber}.pdf"`,
        },
      });
    });
};

const isPaid = (invoice: InvoiceRow) => invoice.status.toUpperCase() === 'PAID' || invoice.paidAt !== null;
