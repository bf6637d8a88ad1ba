-- set_stripe_event_outcome: what a claimed Stripe event did (paid, already_paid, unknown_invoice, ...).
-- $1 eventId, $2 outcome
UPDATE stripe_events SET outcome = $2 WHERE id = $1
