// Email: deps.email is the one entry point for routes.
//   - inside a route's transaction: await deps.email.queueBookingApproved(q, { businessId, jobId }) and
//     the other queue* triggers (./triggers.ts), or enqueueEmail(q, message) for a mail of your own;
//   - the outbox worker (./worker.ts, started by server.ts) sends what was queued, after commit,
//     rendering referenced attachments (the invoice PDF) then through ./attachments.ts;
//   - sendEmail(message) hands one mail to the provider directly (the worker's path; never throws).
import type { Config } from '../../config';
import type { Logger } from '../../log';
import { createEmailSender, type EmailSender } from './sender';
import { createEmailTriggers, type EmailTriggers } from './triggers';

export type EmailService = EmailSender & EmailTriggers;

export function createEmailService(config: Readonly<Config>, log: Logger): EmailService {
  return {
    ...createEmailSender(config, log),
    ...createEmailTriggers({ log, frontendBaseUrl: config.frontendBaseUrl, supportEmail: config.supportEmail }),
  };
}

export { enqueueEmail, type OutboxMessage } from './outbox';
export { storedDocumentAttachments, type AttachmentResolver } from './attachments';
export type { EmailMessage, MailAttachment, SendResult } from './sender';
export type { EmailTriggers, QueueResult } from './triggers';
export { createEmailWorker, type EmailWorker, type EmailWorkerOptions } from './worker';
