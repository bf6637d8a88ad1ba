-- claim_next: claims the oldest due mail (pending and due, or sending with an expired claim) for one
-- attempt; SKIP LOCKED lets several workers claim side by side without taking the same row.
-- $1 leaseSeconds (how long the claim holds before another worker may resume the row)
UPDATE email_outbox o
SET status = 'sending',
    attempts = o.attempts + 1,
    next_attempt_at = now() + $1::int * interval '1 second',
    updated_at = now()
WHERE o.id = (
  SELECT id FROM email_outbox
  WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
  ORDER BY next_attempt_at, id
  LIMIT 1
  FOR UPDATE SKIP LOCKED
)
RETURNING o.id::text AS id, o.event_key AS "eventKey", o.recipients, o.subject, o.html, o.text_body AS text,
          o.attachments, o.attempts
