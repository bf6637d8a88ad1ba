// The outbox side a request uses: enqueueEmail writes the mail with the transaction-bound queries of
// the request (db.tx(async (q) => …)), so the mail exists exactly when the change it reports commits.
import type { Queries } from '../../db/queries';
import type { OutboxAttachment } from '../../db/queries/email';

export interface OutboxMessage {
  /** one event, one mail: a second enqueue with the same key is ignored */
  eventKey: string;
  /** what the mail reports, e.g. booking-approved */
  kind: string;
  /** the job, invoice or chat the mail is about */
  refId: string;
  businessId?: string | null;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: OutboxAttachment[];
}

/** true when the mail was queued, false when its event had been queued before */
export async function enqueueEmail(q: Queries, message: OutboxMessage): Promise<boolean> {
  const row = await q.email.enqueue(
    message.eventKey,
    message.kind,
    message.refId,
    message.businessId ?? null,
    message.to,
    message.subject,
    message.html,
    message.text,
    message.attachments ?? [],
  );
  return row !== null;
}
