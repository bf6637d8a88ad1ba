// One function per event that sends mail. A route calls it inside its own transaction, with the
// transaction-bound queries, right after its change: the trigger reads what the mail shows, renders
// it and writes it to the outbox, so the mail commits (or rolls back) with the change.
//
// What "one event" means, i.e. the event keys:
// - booking-requested:<jobId>: a job is requested once;
// - booking-approved / booking-cancelled:<jobId>:<id of the previous status mail, or 0>: the client
//   hears of each change of outcome once. approve → cancel → approve sends three mails; a second
//   approval with no cancellation in between is the same news and sends nothing;
// - invoice-generated:<invoiceId>: once per invoice;
// - invoice-resent:<invoiceId>:<random>: each resend request is its own event;
// - support-escalation:<chatId>:<transcript length>: each escalation of a chat.
//
// The invoice PDF is queued as a reference ({ kind: 'invoice-pdf', invoiceId, filename }): the outbox
// worker renders it when it sends, so the request (and its locks) never waits on the rendering.
import type { Queries } from '../../db/queries';
import type { BookingMailRow } from '../../db/queries/email';
import { nid } from '../../ids';
import type { Logger } from '../../log';
import { enqueueEmail, type OutboxMessage } from './outbox';
import {
  bookingApprovedEmail,
  bookingCancelledEmail,
  bookingRequestedEmail,
  brandOf,
  httpUrl,
  invoiceEmail,
  invoicePdfFilename,
  platformBrand,
  supportEscalationEmail,
  type BookingMailData,
  type InvoiceLine,
  type RenderedEmail,
  type TranscriptLine,
} from './templates';

export type QueueResult =
  | { queued: true; eventKey: string }
  | { queued: false; reason: 'not-found' | 'no-recipient' | 'wrong-status' | 'already-notified' | 'duplicate' };

export interface TriggerContext {
  log: Logger;
  /** the web app, for links in mail to the business */
  frontendBaseUrl: string;
  /** where support escalations go; null: the business the chat came from */
  supportEmail: string | null;
}

export interface EmailTriggers {
  queueBookingRequested(q: Queries, input: { businessId: string; jobId: string }): Promise<QueueResult>;
  queueBookingApproved(q: Queries, input: { businessId: string; jobId: string }): Promise<QueueResult>;
  queueBookingCancelled(q: Queries, input: { businessId: string; jobId: string }): Promise<QueueResult>;
  queueInvoiceGenerated(q: Queries, input: { businessId: string; invoiceId: string }): Promise<QueueResult>;
  queueInvoiceResent(q: Queries, input: { businessId: string; invoiceId: string }): Promise<QueueResult>;
  queueSupportEscalation(q: Queries, input: { chatId: string; reason: string }): Promise<QueueResult>;
}

const BOOKING_OUTCOMES = ['booking-approved', 'booking-cancelled'] as const;
type BookingOutcome = (typeof BOOKING_OUTCOMES)[number];

export function createEmailTriggers(ctx: TriggerContext): EmailTriggers {
  async function enqueue(q: Queries, message: Omit<OutboxMessage, 'subject' | 'html' | 'text'>, mail: RenderedEmail): Promise<QueueResult> {
    const queued = await enqueueEmail(q, { ...message, ...mail });
    return queued ? { queued: true, eventKey: message.eventKey } : { queued: false, reason: 'duplicate' };
  }

  const skip = (reason: Exclude<QueueResult, { queued: true }>['reason'], kind: string, refId: string): QueueResult => {
    ctx.log.info('email not queued', { kind, refId, reason });
    return { queued: false, reason };
  };

  async function bookingOutcome(q: Queries, kind: BookingOutcome, { businessId, jobId }: { businessId: string; jobId: string }) {
    const job = await q.email.bookingForMail(businessId, jobId);
    if (!job) return skip('not-found', kind, jobId);
    if (job.status !== (kind === 'booking-approved' ? 'BOOKED' : 'CANCELLED')) return skip('wrong-status', kind, jobId);
    const previous = await q.email.latestForRef(jobId, [...BOOKING_OUTCOMES]);
    if (previous?.kind === kind) return skip('already-notified', kind, jobId);
    const to = recipient(job.clientEmail);
    if (!to) return skip('no-recipient', kind, jobId);
    const data = bookingData(job);
    return enqueue(
      q,
      { eventKey: `${kind}:${jobId}:${previous?.id ?? 0}`, kind, refId: jobId, businessId, to: [to] },
      kind === 'booking-approved' ? bookingApprovedEmail(data) : bookingCancelledEmail(data),
    );
  }

  async function invoiceMail(q: Queries, resend: boolean, { businessId, invoiceId }: { businessId: string; invoiceId: string }) {
    const kind = resend ? 'invoice-resent' : 'invoice-generated';
    const invoice = await q.email.invoiceForMail(businessId, invoiceId);
    if (!invoice) return skip('not-found', kind, invoiceId);
    const to = recipient(invoice.clientEmail);
    if (!to) return skip('no-recipient', kind, invoiceId);
    const mail = invoiceEmail(
      {
        business: brandOf(invoice.businessName, invoice.settings),
        currency: invoice.currency,
        clientName: invoice.clientName,
        invoiceId: invoice.id,
        status: invoice.status,
        amountCents: invoice.amountCents,
        createdAt: invoice.createdAt,
        paymentUrl: httpUrl(invoice.paymentUrl),
        lines: invoiceLines(invoice.items),
      },
      { resend },
    );
    return enqueue(
      q,
      {
        eventKey: resend ? `${kind}:${invoiceId}:${nid()}` : `${kind}:${invoiceId}`,
        kind,
        refId: invoiceId,
        businessId,
        to: [to],
        attachments: [{ kind: 'invoice-pdf', invoiceId, filename: invoicePdfFilename(invoiceId) }],
      },
      mail,
    );
  }

  return {
    async queueBookingRequested(q, { businessId, jobId }) {
      const kind = 'booking-requested';
      const job = await q.email.bookingForMail(businessId, jobId);
      if (!job) return skip('not-found', kind, jobId);
      const to = (await q.email.businessRecipients(businessId))?.recipients ?? [];
      if (!to.length) return skip('no-recipient', kind, jobId);
      return enqueue(
        q,
        { eventKey: `${kind}:${jobId}`, kind, refId: jobId, businessId, to },
        bookingRequestedEmail(bookingData(job), `${ctx.frontendBaseUrl}/admin/requests`),
      );
    },
    queueBookingApproved: (q, input) => bookingOutcome(q, 'booking-approved', input),
    queueBookingCancelled: (q, input) => bookingOutcome(q, 'booking-cancelled', input),
    queueInvoiceGenerated: (q, input) => invoiceMail(q, false, input),
    queueInvoiceResent: (q, input) => invoiceMail(q, true, input),
    async queueSupportEscalation(q, { chatId, reason }) {
      const kind = 'support-escalation';
      const chat = await q.email.supportChatForMail(chatId);
      if (!chat) return skip('not-found', kind, chatId);
      const to = ctx.supportEmail
        ? [ctx.supportEmail]
        : chat.businessId
          ? ((await q.email.businessRecipients(chat.businessId))?.recipients ?? [])
          : [];
      if (!to.length) return skip('no-recipient', kind, chatId);
      const transcript = transcriptLines(chat.transcript);
      return enqueue(
        q,
        { eventKey: `${kind}:${chatId}:${transcript.length}`, kind, refId: chatId, businessId: chat.businessId, to },
        supportEscalationEmail({
          brand: chat.businessId ? brandOf(chat.businessName, chat.settings) : platformBrand(),
          chatId,
          reason,
          createdAt: chat.createdAt,
          businessName: chat.businessName,
          transcript,
        }),
      );
    },
  };
}

const recipient = (email: string | null) => (email && /^[^\s@]+@[^\s@]+$/.test(email.trim()) ? email.trim() : null);

function bookingData(job: BookingMailRow): BookingMailData {
  return {
    business: brandOf(job.businessName, job.settings),
    clientName: job.clientName,
    serviceName: job.serviceName,
    startAt: job.startAt,
    startRaw: job.startRaw,
    dogNames: job.dogNames,
    staffName: job.staffName,
    notes: job.notes,
  };
}

const asRecords = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** invoice meta.items: [{description, quantity, amount (cents, line total)}] */
function invoiceLines(items: unknown): InvoiceLine[] {
  return asRecords(items).map((i) => ({
    description: str(i.description) || 'Service',
    quantity: num(i.quantity, 1),
    amountCents: num(i.amount, 0),
  }));
}

/** support chat transcript: [{role, text, ts}] */
function transcriptLines(transcript: unknown): TranscriptLine[] {
  return asRecords(transcript).map((m) => ({ role: str(m.role) || 'user', text: str(m.text) }));
}
