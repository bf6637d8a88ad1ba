-- vote: records a thumbs up or down on a chat (every vote counts, the last one is kept in csat).
-- $1 chatId, $2 vote ('up' | 'down'), $3 now
UPDATE support_chats
SET csat = $2,
    csat_up = csat_up + (CASE WHEN $2 = 'up' THEN 1 ELSE 0 END),
    csat_down = csat_down + (CASE WHEN $2 = 'down' THEN 1 ELSE 0 END),
    updated_at = $3
WHERE id = $1
