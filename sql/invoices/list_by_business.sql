-- list_by_business: GET /api/invoices/list as one JSON text: the invoice list rows of one business in
-- creation order, with the client's contact (timestamps formatted like JSON.stringify of a Date).
-- $1 businessId
SELECT COALESCE(json_agg(json_build_object(
         'invoiceId', i.id,
         'clientName', COALESCE(NULLIF(c.name, ''), 'Unknown Client'),
         'clientEmail', COALESCE(c.email, ''),
         'clientPhone', COALESCE(c.phone, ''),
         'total', i.amount_cents,
         'status', lower(i.status),
         'dueDate', to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'createdAt', to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'sentToClient', to_char(i.sent_to_client AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'paidAt', to_char(i.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'paymentMethod', i.payment_method) ORDER BY i.seq), '[]')::text AS list
FROM invoices i
LEFT JOIN clients c ON c.id = i.client_id
WHERE i.business_id = $1
