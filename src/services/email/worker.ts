// The outbox worker: claims due mails one at a time (FOR UPDATE SKIP LOCKED, so several instances can
// run side by side), sends each after the claim has committed, and records the outcome. Transient
// failures come back later with exponential backoff until maxAttempts; a claim left behind by a
// crashed process expires after leaseSeconds and the row is resumed. A crash after SendGrid accepted
// a mail but before the outcome was recorded means that one mail is sent again (at-least-once).
//
// Attachments are stored as references and rendered here, per attempt, just before the send. A
// document that fails to render is left out (logged, and noted in last_error of the sent row) rather
// than holding the mail back: the mail itself carries the amount, the lines and the pay link, the
// business can resend the invoice once the cause is fixed, and a render failure is almost always
// deterministic (the same stored record fails the same way), so retrying would only delay the pay
// link by the hour of backoff before giving up on the attachment anyway.
import type { Db } from '../../db/client';
import type { ClaimedMailRow } from '../../db/queries/email';
import type { Logger } from '../../log';
import type { AttachmentResolver } from './attachments';
import type { EmailSender, MailAttachment, SendResult } from './sender';

export interface EmailWorkerOptions {
  /** idle wait between polls when nothing is due */
  pollIntervalMs?: number;
  /** attempts before a transiently failing mail is given up as failed */
  maxAttempts?: number;
  /** how long a claim holds; longer than one send can take */
  leaseSeconds?: number;
  /** delay before attempt n + 1 after attempt n failed transiently */
  backoffMs?: (attempt: number) => number;
}

export interface EmailWorker {
  start(): void;
  /** stops polling and waits for the send in progress to be recorded */
  stop(): Promise<void>;
  /** sends every mail that is due now, then resolves with how many were processed */
  runUntilIdle(): Promise<number>;
}

/** 30 s, 1 min, 2 min, … capped at one hour */
export const defaultBackoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

export function createEmailWorker(
  db: Db,
  sender: EmailSender,
  resolveAttachment: AttachmentResolver,
  log: Logger,
  options: EmailWorkerOptions = {},
): EmailWorker {
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function processOne(): Promise<boolean> {
    const row = await db.q.email.claimNext(leaseSeconds);
    if (!row) return false;
    // a 4 ms invoice PDF per mail is wasted work when the mail is only logged
    const { attachments, leftOut } = sender.delivers ? await renderAttachments(row) : { attachments: [], leftOut: null };
    const result = await sender.sendEmail({
      to: row.recipients,
      subject: row.subject,
      html: row.html,
      text: row.text,
      attachments,
    });
    await record(row, result, leftOut);
    return true;
  }

  /** every attachment that renders, and a note naming those that did not */
  async function renderAttachments(row: ClaimedMailRow): Promise<{ attachments: MailAttachment[]; leftOut: string | null }> {
    const attachments: MailAttachment[] = [];
    const failures: string[] = [];
    for (const reference of row.attachments) {
      try {
        attachments.push(await resolveAttachment(reference));
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        log.error('email attachment failed; sending without it', { eventKey: row.eventKey, attachment: reference, error });
        failures.push(`${reference.filename}: ${error}`);
      }
    }
    return { attachments, leftOut: failures.length ? `sent without ${failures.join('; ')}` : null };
  }

  async function record(row: ClaimedMailRow, result: SendResult, leftOut: string | null) {
    const { id, attempts } = row;
    if (result.status === 'sent') {
      await db.q.email.recordOutcome(id, attempts, 'sent', result.messageId, leftOut, 0);
    } else if (result.status === 'skipped') {
      await db.q.email.recordOutcome(id, attempts, 'skipped', null, result.reason, 0);
    } else if (result.retryable && attempts < maxAttempts) {
      const delay = Math.max(backoffMs(attempts), result.retryAfterMs ?? 0);
      await db.q.email.recordOutcome(id, attempts, 'pending', null, result.error, delay);
      log.warn('email will be retried', { eventKey: row.eventKey, attempt: attempts, retryInMs: delay });
    } else {
      await db.q.email.recordOutcome(id, attempts, 'failed', null, result.error, 0);
      log.error('email given up', { eventKey: row.eventKey, attempts, error: result.error });
    }
  }

  async function run() {
    while (running) {
      let processed = false;
      try {
        processed = await processOne();
      } catch (e) {
        // the database is unreachable or similar: keep the process alive and try again later
        log.error('email worker error', { error: e });
      }
      if (!processed && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
    async runUntilIdle() {
      let n = 0;
      while (await processOne()) n++;
      return n;
    },
  };
}
