import { exec, one } from '../statement';

export type InvoiceStatus = 'UNPAID' | 'PAID';
export type PaymentMethod = 'cash' | 'card' | 'bank_transfer' | 'check' | 'other';

export interface InvoiceMetaItem {
  id: string;
  description: string;
  quantity: number;
  amount: number;
  date: string;
}

/** the legacy invoice entity (invoices-finance-stats.md §1.2) */
export interface InvoiceRow {
  id: string;
  businessId: string;
  clientId: string;
  jobId: string | null;
  amountCents: number;
  status: InvoiceStatus;
  createdAt: Date;
  sentToClient: Date | null;
  paidAt: Date | null;
  paymentMethod: PaymentMethod | null;
  paymentUrl: string;
  meta: { items?: InvoiceMetaItem[] } & Record<string, unknown>;
}

export interface InvoiceDetailRow {
  clientName: string;
  clientEmail: string;
  clientPhone: string;
  clientAddress: string;
  jobStart: string | null;
  serviceName: string | null;
  businessName: string;
  businessSettings: Record<string, unknown>;
}

export const invoiceQueries = {
  get: one<[invoiceId: string], InvoiceRow>('invoices/get'),
  /** the invoice list rows as one JSON text */
  listByBusiness: one<[businessId: string], { list: string }>('invoices/list_by_business'),
  detail: one<[invoiceId: string], InvoiceDetailRow>('invoices/detail'),
  billItems: exec<[invoiceId: string, businessId: string, clientId: string, itemIds: string[], paymentUrl: string]>('invoices/bill_items'),
  markPaid: exec<[invoiceId: string, businessId: string, paymentMethod: PaymentMethod]>('invoices/mark_paid'),
  markSent: exec<[invoiceId: string, businessId: string]>('invoices/mark_sent'),
};
