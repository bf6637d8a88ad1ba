import { exec, one } from '../statement';

/**
 * What an outbox mail attaches, by reference: the worker renders it when it sends, so no request
 * does the rendering (and the outbox holds no document bytes).
 */
export interface OutboxAttachment {
  kind: 'invoice-pdf';
  invoiceId: string;
  filename: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface ClaimedMailRow {
  id: string;
  eventKey: string;
  recipients: string[];
  subject: string;
  html: string;
  text: string;
  attachments: OutboxAttachment[];
  attempts: number;
}

interface BusinessBrandColumns {
  businessName: string;
  currency: string;
  settings: unknown;
}

export interface BookingMailRow extends BusinessBrandColumns {
  id: string;
  status: string;
  startRaw: string | null;
  startAt: Date | null;
  notes: string;
  clientName: string;
  clientEmail: string;
  serviceName: string | null;
  staffName: string | null;
  dogNames: string[];
}

export interface InvoiceMailRow extends BusinessBrandColumns {
  id: string;
  status: string;
  amountCents: number;
  createdAt: Date;
  paymentUrl: string;
  items: unknown;
  clientName: string;
  clientEmail: string;
}

export interface SupportChatMailRow {
  id: string;
  transcript: unknown;
  createdAt: Date;
  context: unknown;
  businessId: string | null;
  businessName: string | null;
  currency: string | null;
  settings: unknown;
}

export const emailQueries = {
  enqueue: one<
    [
      eventKey: string,
      kind: string,
      refId: string,
      businessId: string | null,
      recipients: string[],
      subject: string,
      html: string,
      text: string,
      attachments: OutboxAttachment[],
    ],
    { id: string }
  >('email/enqueue'),
  claimNext: one<[leaseSeconds: number], ClaimedMailRow>('email/claim_next'),
  recordOutcome: exec<
    [
      id: string,
      attempt: number,
      status: OutboxStatus,
      providerMessageId: string | null,
      lastError: string | null,
      retryDelayMs: number,
    ]
  >('email/record_outcome'),
  latestForRef: one<[refId: string, kinds: string[]], { id: string; kind: string }>('email/latest_for_ref'),
  businessRecipients: one<[businessId: string], { recipients: string[] }>('email/business_recipients'),
  bookingForMail: one<[businessId: string, jobId: string], BookingMailRow>('email/booking_for_mail'),
  invoiceForMail: one<[businessId: string, invoiceId: string], InvoiceMailRow>('email/invoice_for_mail'),
  supportChatForMail: one<[chatId: string], SupportChatMailRow>('email/support_chat_for_mail'),
};
