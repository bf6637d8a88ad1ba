-- record_outcome: stores the result of one claimed attempt (sent, skipped, failed, or pending again
-- after a delay); ignored when the claim was lost to another worker in the meantime.
-- $1 id, $2 attempt (the claim), $3 status, $4 providerMessageId, $5 lastError, $6 retryDelayMs
UPDATE email_outbox
SET status = $3,
    provider_message_id = $4,
    last_error = $5,
    next_attempt_at = now() + $6::int * interval '1 millisecond',
    sent_at = CASE WHEN $3 = 'sent' THEN now() END,
    updated_at = now()
WHERE id = $1::bigint AND attempts = $2 AND status = 'sending'
