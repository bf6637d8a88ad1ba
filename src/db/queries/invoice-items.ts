import { many, one } from '../statement';
import type { VersionedList } from './business-data';

export interface ItemOwnershipRow {
  id: string;
  businessId: string;
  clientId: string;
  status: 'PENDING' | 'BILLED';
}

export const invoiceItemQueries = {
  /** the PENDING items grouped by client, as one JSON text */
  listPendingByBusiness: one<[businessId: string], VersionedList>('invoice_items/list_pending_by_business'),
  lockForInvoice: many<[itemIds: string[]], ItemOwnershipRow>('invoice_items/lock_for_invoice'),
};
