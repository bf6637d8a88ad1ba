-- lock_for_invoice: the owner, client and current status of each existing item among the ids,
-- locked until the transaction ends, in id order (one lock order for every caller, so overlapping
-- requests cannot deadlock). An item billed by a concurrent transaction is read after that
-- transaction ends, so it comes back BILLED.
-- $1 itemIds (text[])
SELECT id, business_id AS "businessId", client_id AS "clientId", status
FROM invoice_items
WHERE id = ANY($1::text[])
ORDER BY id
FOR UPDATE
