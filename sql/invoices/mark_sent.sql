-- mark_sent: stamps sentToClient unless it is already set (0 rows when it was).
-- $1 invoiceId, $2 businessId
UPDATE invoices
SET sent_to_client = now()
WHERE id = $1 AND business_id = $2 AND sent_to_client IS NULL
