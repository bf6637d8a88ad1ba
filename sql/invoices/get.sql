-- get: one invoice as the legacy entity (keys in legacy order), or no row.
-- $1 invoiceId
SELECT
  id,
  business_id AS "businessId",
  client_id AS "clientId",
  job_id AS "jobId",
  amount_cents AS "amountCents",
  status,
  created_at AS "createdAt",
  sent_to_client AS "sentToClient",
  paid_at AS "paidAt",
  payment_method AS "paymentMethod",
  payment_url AS "paymentUrl",
  meta
FROM invoices
WHERE id = $1
