-- find_by_ids: the owner, client and status of each existing item among the ids (unlocked read).
-- $1 itemIds (text[])
SELECT id, business_id AS "businessId", client_id AS "clientId", status
FROM invoice_items
WHERE id = ANY($1::text[])
