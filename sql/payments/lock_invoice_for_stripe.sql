-- lock_invoice_for_stripe: the invoice a paid Checkout Session names, locked until the webhook's
-- transaction ends, with the amount and currency the payment must match.
-- $1 invoiceId
SELECT i.id,
       i.business_id  AS "businessId",
       i.amount_cents AS "amountCents",
       i.status,
       i.paid_at      AS "paidAt",
       coalesce(lower(nullif(b.settings #>> '{finance,currency}', '')), 'gbp') AS currency
FROM invoices i
JOIN businesses b ON b.id = i.business_id
WHERE i.id = $1
FOR UPDATE OF i
