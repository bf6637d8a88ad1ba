-- migrate:up

-- The support bot's counters (legacy supportMetrics) derive from the chats themselves:
-- handled_by_bot marks a chat the bot resolved without escalation, csat_up/csat_down count votes.
ALTER TABLE support_chats
  ADD COLUMN handled_by_bot boolean NOT NULL DEFAULT false,
  ADD COLUMN csat_up integer NOT NULL DEFAULT 0,
  ADD COLUMN csat_down integer NOT NULL DEFAULT 0;

-- migrate:down

ALTER TABLE support_chats DROP COLUMN handled_by_bot, DROP COLUMN csat_up, DROP COLUMN csat_down;
