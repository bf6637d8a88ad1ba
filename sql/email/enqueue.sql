-- enqueue: writes one mail to the outbox unless its event was queued before; returns the new row id.
-- $1 eventKey, $2 kind, $3 refId, $4 businessId, $5 recipients, $6 subject, $7 html, $8 text, $9 attachments
INSERT INTO email_outbox (event_key, kind, ref_id, business_id, recipients, subject, html, text_body, attachments)
VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9::jsonb)
ON CONFLICT (event_key) DO NOTHING
RETURNING id::text AS id
