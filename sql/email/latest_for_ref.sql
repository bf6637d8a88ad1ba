-- latest_for_ref: the most recently queued mail of the given kinds about one record (job, invoice, chat).
-- $1 refId, $2 kinds
SELECT id::text AS id, kind
FROM email_outbox
WHERE ref_id = $1 AND kind = ANY ($2::text[])
ORDER BY id DESC
LIMIT 1
