-- support_chat_for_mail: one support chat with its transcript, and the business its context names (if any).
-- $1 chatId
SELECT sc.id, sc.transcript, sc.created_at AS "createdAt", sc.context,
       b.id AS "businessId", b.name AS "businessName", b.currency, b.settings
FROM support_chats sc
LEFT JOIN businesses b ON b.id = sc.context ->> 'businessId'
WHERE sc.id = $1
