-- claim_stripe_event: records a Stripe event id once; no row back means it was already handled
-- (a concurrent delivery waits here until the first transaction ends).
-- $1 eventId, $2 event type, $3 invoiceId named by the event (or null)
INSERT INTO stripe_events (id, type, invoice_id)
VALUES ($1, $2, $3)
ON CONFLICT (id) DO NOTHING
RETURNING id
