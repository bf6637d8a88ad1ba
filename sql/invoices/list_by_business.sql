-- list_by_business: the invoice list rows of one business in creation order, with the client's contact.
-- $1 businessId
SELECT
  i.id AS "invoiceId",
  COALESCE(NULLIF(c.name, ''), 'Unknown Client') AS "clientName",
  COALESCE(c.email, '') AS "clientEmail",
  COALESCE(c.phone, '') AS "clientPhone",
  i.amount_cents AS total,
  lower(i.status) AS status,
  i.created_at AS "dueDate",
  i.created_at AS "createdAt",
  i.sent_to_client AS "sentToClient",
  i.paid_at AS "paidAt",
  i.payment_method AS "paymentMethod"
FROM invoices i
LEFT JOIN clients c ON c.id = i.client_id
WHERE i.business_id = $1
ORDER BY i.seq
