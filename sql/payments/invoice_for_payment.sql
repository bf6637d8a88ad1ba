-- invoice_for_payment: an invoice with what Checkout and the pay pages need (business name,
-- currency, brand colour, the client's email, the session a pay link may reuse).
-- $1 invoiceId
SELECT i.id,
       i.business_id                 AS "businessId",
       i.client_id                   AS "clientId",
       i.amount_cents                AS "amountCents",
       i.status,
       i.paid_at                     AS "paidAt",
       i.stripe_checkout_session_id  AS "checkoutSessionId",
       i.stripe_checkout_expires_at  AS "checkoutExpiresAt",
       b.name                        AS "businessName",
       coalesce(lower(nullif(b.settings #>> '{finance,currency}', '')), 'gbp') AS currency,
       b.settings #>> '{branding,primaryColor}' AS "brandColor",
       c.email                       AS "clientEmail"
FROM invoices i
JOIN businesses b ON b.id = i.business_id
LEFT JOIN clients c ON c.id = i.client_id
WHERE i.id = $1
