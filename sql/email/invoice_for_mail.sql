-- invoice_for_mail: one invoice of a business with its client and the business's name, currency and settings.
-- $1 businessId, $2 invoiceId
SELECT i.id, i.status, i.amount_cents AS "amountCents", i.created_at AS "createdAt", i.payment_url AS "paymentUrl",
       coalesce(i.meta -> 'items', '[]'::jsonb) AS items,
       c.name AS "clientName", c.email AS "clientEmail",
       b.name AS "businessName", b.currency, b.settings
FROM invoices i
JOIN businesses b ON b.id = i.business_id
JOIN clients c ON c.id = i.client_id
WHERE i.business_id = $1 AND i.id = $2
