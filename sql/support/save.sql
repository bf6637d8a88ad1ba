-- save: stores a chat's transcript and its escalation / handled-by-bot flags.
-- $1 chatId, $2 transcript (jsonb), $3 escalated, $4 handledByBot, $5 now
UPDATE support_chats
SET transcript = $2::jsonb, escalated = $3, handled_by_bot = $4, updated_at = $5
WHERE id = $1
