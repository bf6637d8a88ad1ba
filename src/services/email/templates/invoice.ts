// The invoice email (to the client), sent when the invoice is generated and again on resend.
import { formatDate, formatMoney } from './format';
import { renderEmail, type Block, type Brand, type RenderedEmail } from './layout';

export interface InvoiceLine {
  description: string;
  quantity: number;
  amountCents: number;
}

export interface InvoiceMailData {
  business: Brand;
  currency: string;
  clientName: string;
  invoiceId: string;
  status: string;
  amountCents: number;
  createdAt: Date;
  /** an http(s) pay link, or null */
  paymentUrl: string | null;
  lines: readonly InvoiceLine[];
}

/** as legacy prints it: the id without inv_, upper-cased */
export const invoiceNumber = (invoiceId: string) => invoiceId.replace(/^inv_/, '').toUpperCase();

export const invoicePdfFilename = (invoiceId: string) => `invoice-${invoiceNumber(invoiceId)}.pdf`;

export function invoiceEmail(inv: InvoiceMailData, { resend }: { resend: boolean }): RenderedEmail {
  const number = invoiceNumber(inv.invoiceId);
  const paid = inv.status === 'PAID';
  const total = formatMoney(inv.amountCents, inv.currency);
  const blocks: Block[] = [
    { kind: 'paragraph', text: inv.clientName.trim() ? `Hello ${inv.clientName.trim()},` : 'Hello,' },
    {
      kind: 'paragraph',
      text: resend
        ? `Here is a copy of invoice ${number} from ${inv.business.name}.`
        : `${inv.business.name} has sent you invoice ${number}.`,
    },
    {
      kind: 'details',
      rows: [
        ['Invoice', number],
        ['Date', formatDate(inv.createdAt)],
        ...inv.lines.map((l) => [l.quantity === 1 ? l.description : `${l.description} × ${l.quantity}`, formatMoney(l.amountCents, inv.currency)] as const),
        [paid ? 'Total (paid)' : 'Amount due', total],
      ],
    },
  ];
  if (paid) blocks.push({ kind: 'paragraph', text: 'This invoice has been paid. Thank you.' });
  else if (inv.paymentUrl) blocks.push({ kind: 'button', label: `Pay ${total}`, url: inv.paymentUrl });
  blocks.push({ kind: 'paragraph', text: 'The invoice is attached as a PDF.' });
  return renderEmail(inv.business, {
    subject: `${resend ? 'Copy of invoice' : 'Invoice'} ${number} from ${inv.business.name}: ${total}`,
    heading: `Invoice ${number}`,
    blocks,
  });
}
