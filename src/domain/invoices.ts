// Invoice presentation rules of the legacy routes and PDF (invoices-finance-stats.md §2, §3), no I/O.
import type { InvoiceMetaItem, PaymentMethod } from '../db/queries/invoices';

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'card', 'bank_transfer', 'check', 'other'];

export const isPaymentMethod = (v: unknown): v is PaymentMethod =>
  typeof v === 'string' && (PAYMENT_METHODS as readonly string[]).includes(v);

/** the number shown to people: the id without its first "inv_" (upper-cased in the PDF) */
export const invoiceNumberOf = (invoiceId: string): string => invoiceId.replace('inv_', '');

/** "£15.00": cents / 100 with two decimals, no thousands separator (JS toFixed rounding) */
export const formatMoney = (cents: number): string => `£${(cents / 100).toFixed(2)}`;

// built once: constructing an Intl.DateTimeFormat costs more than formatting with it
const ISSUE_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const US_SHORT_DATE = new Intl.DateTimeFormat('en-US', { month: 'numeric', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "21 November 2026" (en-GB, UTC) */
export const formatIssueDate = (at: Date): string => ISSUE_DATE.format(at);

/** legacy `new Date(x).toLocaleDateString()` on a UTC en-US server: "3/4/2030", or "Invalid Date" */
export function usShortDate(value: string | Date): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return 'Invalid Date';
  return US_SHORT_DATE.format(at);
}

/** meta.items in the legacy key order (jsonb stores keys sorted) */
export const orderedMetaItems = (items: InvoiceMetaItem[]): InvoiceMetaItem[] =>
  items.map(({ id, description, quantity, amount, date }) => ({ id, description, quantity, amount, date }));

export interface LineForDisplay {
  description?: string;
  quantity?: number;
  amount: number;
}

/**
 * The lines of an invoice as GET /api/invoices/:id shows them. Generated invoices always carry
 * meta.items; the fallback describes an invoice made some other way in one line.
 */
export function detailLines(meta: { items?: InvoiceMetaItem[] }, amountCents: number, jobStart: string | null): LineForDisplay[] {
  if (meta.items) return orderedMetaItems(meta.items);
  if (jobStart !== null) return [{ description: `Service on ${usShortDate(jobStart)}`, amount: amountCents }];
  return [{ description: 'Service', amount: amountCents }];
}

/** The PDF's lines: meta.items, else one line named after the linked job's service or its date. */
export function pdfLines(
  meta: { items?: InvoiceMetaItem[] },
  amountCents: number,
  fallback: { serviceName: string | null; jobStart: string | null; createdAt: Date },
): LineForDisplay[] {
  if (meta.items) return meta.items;
  if (fallback.serviceName !== null) return [{ description: fallback.serviceName || 'Service', quantity: 1, amount: amountCents }];
  return [{ description: `Service on ${usShortDate(fallback.jobStart || fallback.createdAt)}`, quantity: 1, amount: amountCents }];
}
