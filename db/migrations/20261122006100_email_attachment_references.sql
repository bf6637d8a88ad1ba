-- migrate:up

-- Outbox attachments become references that the worker renders when it sends:
-- [{"kind": "invoice-pdf", "invoiceId": ..., "filename": ...}]. A request no longer renders the
-- invoice PDF inside its transaction (where it held the billed items' row locks meanwhile).

-- Mail queued before this change carries its PDF inline (only invoice mails had attachments): it
-- becomes a reference to its invoice, so pending mail still goes out with the PDF and sent rows shed
-- their bytes.
UPDATE email_outbox
SET attachments = (
  SELECT jsonb_agg(jsonb_build_object('kind', 'invoice-pdf', 'invoiceId', ref_id, 'filename', a->>'filename'))
  FROM jsonb_array_elements(attachments) a
)
WHERE kind IN ('invoice-generated', 'invoice-resent') AND attachments <> '[]';

-- document bytes stay out of the outbox: every attachment is a reference the worker can resolve
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_attachments_are_references CHECK (
  jsonb_typeof(attachments) = 'array'
  AND NOT jsonb_path_exists(
    attachments,
    '$[*] ? (!(@.kind == "invoice-pdf" && @.invoiceId.type() == "string" && @.filename.type() == "string"))'
  )
);

COMMENT ON COLUMN email_outbox.attachments IS
  '[{kind: invoice-pdf, invoiceId, filename}]: references, rendered by the worker from the stored record when it sends';

-- migrate:down

-- the previous worker sends attachments as stored and cannot render a reference: pending mail goes
-- without its PDF rather than being refused by SendGrid
UPDATE email_outbox SET attachments = '[]' WHERE status IN ('pending', 'sending') AND attachments <> '[]';
COMMENT ON COLUMN email_outbox.attachments IS NULL;
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_attachments_are_references;
