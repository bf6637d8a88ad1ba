-- mark_paid: records a payment unless the invoice is already paid (the condition makes a double
-- submit or a race a no-op: 0 rows).
-- $1 invoiceId, $2 businessId, $3 paymentMethod
UPDATE invoices
SET status = 'PAID', paid_at = now(), payment_method = $3
WHERE id = $1 AND business_id = $2 AND status <> 'PAID' AND paid_at IS NULL
