-- list_pending_by_business: a business's PENDING items in creation order, each with its client's name.
-- $1 businessId
SELECT
  it.id,
  it.job_id AS "jobId",
  it.client_id AS "clientId",
  it.business_id AS "businessId",
  it.description,
  it.quantity,
  it.price_cents AS "priceCents",
  it.item_date AS date,
  it.status,
  it.created_at AS "createdAt",
  COALESCE(NULLIF(c.name, ''), 'Unknown Client') AS "clientName"
FROM invoice_items it
LEFT JOIN clients c ON c.id = it.client_id
WHERE it.business_id = $1 AND it.status = 'PENDING'
ORDER BY it.seq
