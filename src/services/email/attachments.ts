// Turns an outbox attachment reference into the file the provider sends. The outbox worker calls it
// when it sends, after the request that queued the mail has committed: the document is rendered from
// the stored record at send time, over the pool, never inside a request or its transaction.
import type { Queries } from '../../db/queries';
import type { OutboxAttachment } from '../../db/queries/email';
import { invoicePdf } from '../pdf/invoice-document';
import type { MailAttachment } from './sender';

export type AttachmentResolver = (attachment: OutboxAttachment) => Promise<MailAttachment>;

/** renders each referenced document with the given (pool) queries */
export function storedDocumentAttachments(q: Queries): AttachmentResolver {
  return async ({ invoiceId, filename }) => ({
    filename,
    type: 'application/pdf',
    content: Buffer.from(await invoicePdf(q, invoiceId)).toString('base64'),
  });
}
