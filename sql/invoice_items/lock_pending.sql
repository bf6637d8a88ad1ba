-- lock_pending: locks those of the ids that are still PENDING items of this business and client,
-- in id order (one lock order for every caller, so overlapping requests cannot deadlock). A row
-- billed by a concurrent transaction is re-checked after its lock is released and drops out.
-- $1 itemIds (text[]), $2 businessId, $3 clientId
SELECT id
FROM invoice_items
WHERE id = ANY($1::text[]) AND business_id = $2 AND client_id = $3 AND status = 'PENDING'
ORDER BY id
FOR UPDATE

