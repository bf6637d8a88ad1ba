-- migrate:up

-- Stripe Checkout state of an invoice. Internal bookkeeping only: no legacy response carries it.
-- The session columns describe the session a pay link currently reuses; once a webhook pays the
-- invoice they name the session (and its payment intent) that paid it.
ALTER TABLE invoices
  ADD COLUMN stripe_checkout_session_id text,
  ADD COLUMN stripe_checkout_url        text,
  ADD COLUMN stripe_checkout_expires_at timestamptz,
  ADD COLUMN stripe_payment_intent_id   text;

-- Every Stripe event the webhook acted on, claimed in the same transaction as its invoice update,
-- so a redelivered or concurrently delivered event changes nothing the second time.
CREATE TABLE stripe_events (
  id          text PRIMARY KEY,
  type        text NOT NULL,
  invoice_id  text,
  -- what the event did: paid, already_paid, unknown_invoice, amount_mismatch, currency_mismatch
  outcome     text NOT NULL DEFAULT 'processing',
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stripe_events_invoice_idx ON stripe_events (invoice_id);

-- migrate:down

DROP TABLE stripe_events;
ALTER TABLE invoices
  DROP COLUMN stripe_checkout_session_id,
  DROP COLUMN stripe_checkout_url,
  DROP COLUMN stripe_checkout_expires_at,
  DROP COLUMN stripe_payment_intent_id;
