-- create: opens a support chat session.
-- $1 id, $2 context (jsonb: who opened it), $3 now
INSERT INTO support_chats (id, context, created_at, updated_at)
VALUES ($1, $2::jsonb, $3, $3)
