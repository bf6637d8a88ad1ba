-- revenue_by_client: the top 10 clients by paid-invoice revenue (ties in order of each client's first
-- paid invoice); clientName is NULL for a client record without a name key (legacy omits the key).
-- $1 businessId
SELECT
  i.client_id AS "clientId",
  CASE WHEN 'name' = ANY(c.omitted_keys) THEN NULL ELSE c.name END AS "clientName",
  sum(i.amount_cents)::float8 AS "revenueCents",
  count(*)::int AS "invoiceCount"
FROM invoices i
JOIN clients c ON c.id = i.client_id
WHERE i.business_id = $1 AND i.status = 'PAID'
GROUP BY i.client_id, c.name, c.omitted_keys
ORDER BY "revenueCents" DESC, min(i.seq)
LIMIT 10
