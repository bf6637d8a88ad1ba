-- migrate:up

-- The durable email outbox. A request writes its mail here in the same transaction as its own
-- change; a background worker claims due rows (FOR UPDATE SKIP LOCKED), sends after commit and
-- records the outcome. event_key is what makes "one event, one mail": a second enqueue of the same
-- event is ignored.
CREATE TABLE email_outbox (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_key           text NOT NULL UNIQUE,
  -- what the mail is about: kind (booking-approved, invoice-generated, ...) and the job, invoice or
  -- chat id, so a trigger can see which mail went out last for that record
  kind                text NOT NULL,
  ref_id              text NOT NULL,
  business_id         text,
  recipients          text[] NOT NULL CHECK (cardinality(recipients) > 0),
  subject             text NOT NULL,
  html                text NOT NULL,
  text_body           text NOT NULL,
  -- [{filename, type, content (base64)}]: rendered when the mail is queued, so a retry sends the
  -- very document the event produced
  attachments         jsonb NOT NULL DEFAULT '[]',
  -- skipped: no provider configured, the mail was only logged
  status              text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  -- also the claim token: a worker records an outcome only for the attempt it claimed
  attempts            integer NOT NULL DEFAULT 0,
  -- pending: when the next attempt is due; sending: when the claim expires, after which another
  -- worker may resume the row (its claimer crashed mid-send)
  next_attempt_at     timestamptz NOT NULL DEFAULT now(),
  last_error          text,
  provider_message_id text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  sent_at             timestamptz
);

-- what the worker polls: only the rows that may still need sending
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at, id) WHERE status IN ('pending', 'sending');
CREATE INDEX email_outbox_ref_idx ON email_outbox (ref_id, id);

-- migrate:down

DROP TABLE email_outbox;
