import { exec, many } from '../statement';

/** the legacy pending invoice item (invoices-finance-stats.md §1.1) plus its client's display name */
export interface PendingItemRow {
  id: string;
  jobId: string;
  clientId: string;
  businessId: string;
  description: string;
  quantity: number;
  priceCents: number;
  date: string;
  status: 'PENDING';
  createdAt: Date;
  clientName: string;
}

export interface ItemOwnershipRow {
  id: string;
  businessId: string;
  clientId: string;
  status: 'PENDING' | 'BILLED';
}

export const invoiceItemQueries = {
  listPendingByBusiness: many<[businessId: string], PendingItemRow>('invoice_items/list_pending_by_business'),
  findByIds: many<[itemIds: string[]], ItemOwnershipRow>('invoice_items/find_by_ids'),
  lockPending: many<[itemIds: string[], businessId: string, clientId: string], { id: string }>('invoice_items/lock_pending'),
  markBilled: exec<[itemIds: string[], invoiceId: string]>('invoice_items/mark_billed'),
};
