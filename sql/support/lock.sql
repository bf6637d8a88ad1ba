-- lock: a support chat, row-locked for the bot's read-reply-write in one transaction.
-- $1 chatId
SELECT id, transcript, escalated, handled_by_bot AS "handledByBot", created_at AS "createdAt"
FROM support_chats WHERE id = $1 FOR UPDATE
