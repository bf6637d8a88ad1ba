// The invoice PDF of a stored invoice, as it is stored now: rendered over the pool by the download
// route and by the outbox worker for the invoice email's attachment.
import type { Queries } from '../../db/queries';
import type { InvoiceDetailRow, InvoiceRow } from '../../db/queries/invoices';
import { invoiceNumberOf, pdfLines } from '../../domain/invoices';
import { renderInvoicePdf } from './invoice-pdf';

/** the number printed on the PDF and in its file name */
export const pdfInvoiceNumber = (invoiceId: string) => invoiceNumberOf(invoiceId).toUpperCase();

export async function invoicePdf(q: Queries, invoiceId: string): Promise<Uint8Array> {
  const [invoice, detail] = await Promise.all([q.invoices.get(invoiceId), q.invoices.detail(invoiceId)]);
  if (!invoice || !detail) throw new Error(`invoice ${invoiceId} not found`);
  return renderInvoicePdf(pdfInput(invoice, detail, pdfInvoiceNumber(invoiceId)));
}

function pdfInput(invoice: InvoiceRow, detail: InvoiceDetailRow, invoiceNumber: string) {
  const settings = detail.businessSettings as { profile?: Record<string, unknown>; branding?: Record<string, unknown> };
  // legacy reads profile.address/phone/email, keys the settings screen never writes (LEGACY QUIRK)
  const profileText = (key: string) => {
    const value = settings.profile?.[key];
    return typeof value === 'string' ? value : '';
  };
  return {
    invoiceNumber,
    createdAt: invoice.createdAt,
    totalCents: invoice.amountCents,
    items: pdfLines(invoice.meta, invoice.amountCents, { serviceName: detail.serviceName, jobStart: detail.jobStart, createdAt: invoice.createdAt }),
    paymentUrl: invoice.paymentUrl,
    business: {
      name: detail.businessName || 'Pawtimation',
      address: profileText('address'),
      phone: profileText('phone'),
      email: profileText('email'),
      primaryColor: settings.branding?.primaryColor,
    },
    client: {
      name: detail.clientName || 'Client',
      email: detail.clientEmail,
      phone: detail.clientPhone,
      address: detail.clientAddress,
    },
  };
}
