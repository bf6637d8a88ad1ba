// Invoices and invoice items: the legacy repo functions behind /api/invoices and /api/invoice-items,
// async over the SQL in sql/invoices and sql/invoice_items.
import type { Db } from '../db/client';
import type { Queries } from '../db/queries';
import type { InvoiceRow, PaymentMethod } from '../db/queries/invoices';
import { orderedMetaItems } from '../domain/invoices';
import { newId } from '../ids';

/** why generation refused, decided by the first requested item that fails (legacy order of checks) */
export type GenerateRefusal = 'item_not_found' | 'item_of_other_business' | 'item_of_other_client' | 'item_not_pending';

export type GenerateResult = { invoice: InvoiceRow } | { refused: GenerateRefusal };

/** outcome of a conditional update: done, or the row was no longer in the required state */
export type UpdateResult = { invoice: InvoiceRow } | { conflict: true };

const withOrderedMeta = (invoice: InvoiceRow): InvoiceRow =>
  invoice.meta.items ? { ...invoice, meta: { ...invoice.meta, items: orderedMetaItems(invoice.meta.items) } } : invoice;

export interface InvoiceHooks {
  /** the public pay link of an invoice, stored as its legacy paymentUrl */
  payLink(invoiceId: string): Promise<string>;
  /** runs inside the generating transaction (the invoice email is queued there) */
  onGenerated(q: Queries, invoice: InvoiceRow): Promise<unknown>;
}

export function invoicesRepo(db: Db, hooks: InvoiceHooks) {
  const getInvoice = async (invoiceId: string): Promise<InvoiceRow | null> => {
    const row = await db.q.invoices.get(invoiceId);
    return row && withOrderedMeta(row);
  };

  return {
    getInvoice,

    // lists come back as JSON text built by SQL, sent without parsing
    listInvoicesByBusiness: async (businessId: string) => (await db.q.invoices.listByBusiness(businessId))?.list ?? '[]',

    getInvoiceDetail: (invoiceId: string) => db.q.invoices.detail(invoiceId),

    /** PENDING items in creation order, grouped by client (groups in order of their first item), as JSON text, with the data version it was built at (for the list cache) */
    listPendingItemsByClient: (businessId: string) => db.q.invoiceItems.listPendingByBusiness(businessId),

    /**
     * One invoice for the requested items, in one transaction. The items are locked (FOR UPDATE)
     * before they are checked, so concurrent requests for the same items bill them once. A repeated
     * id is billed once (legacy billed it twice).
     */
    generateInvoiceFromItems(businessId: string, clientId: unknown, itemIds: unknown[]): Promise<GenerateResult> {
      const ids = itemIds.map((id) => (typeof id === 'string' ? id : ''));
      const distinct = [...new Set(ids)];
      return db.tx(async (q) => {
        const found = new Map((await q.invoiceItems.lockForInvoice(distinct)).map((item) => [item.id, item]));
        for (const id of ids) {
          const item = found.get(id);
          if (!item) return { refused: 'item_not_found' as const };
          if (item.businessId !== businessId) return { refused: 'item_of_other_business' as const };
          if (item.clientId !== clientId) return { refused: 'item_of_other_client' as const };
          if (item.status !== 'PENDING') return { refused: 'item_not_pending' as const };
        }
        // every item belongs to this client, so clientId is that client's (string) id
        const invoiceId = newId('inv_');
        await q.invoices.billItems(invoiceId, businessId, clientId as string, distinct, await hooks.payLink(invoiceId));
        const invoice = withOrderedMeta((await q.invoices.get(invoiceId))!);
        await hooks.onGenerated(q, invoice);
        return { invoice };
      });
    },

    /** PAID with the method, unless already paid (also by a concurrent request) */
    markInvoicePaid(invoiceId: string, businessId: string, paymentMethod: PaymentMethod): Promise<UpdateResult> {
      return db.tx(async (q) => {
        if ((await q.invoices.markPaid(invoiceId, businessId, paymentMethod)) === 0) return { conflict: true as const };
        return { invoice: withOrderedMeta((await q.invoices.get(invoiceId))!) };
      });
    },

    /** sentToClient = now, unless it is already set (also by a concurrent request) */
    markInvoiceSent(invoiceId: string, businessId: string): Promise<UpdateResult> {
      return db.tx(async (q) => {
        if ((await q.invoices.markSent(invoiceId, businessId)) === 0) return { conflict: true as const };
        return { invoice: withOrderedMeta((await q.invoices.get(invoiceId))!) };
      });
    },
  };
}
