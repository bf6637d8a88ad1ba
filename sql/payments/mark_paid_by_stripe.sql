-- mark_paid_by_stripe: marks an unpaid invoice paid by card exactly as manual mark-paid does
-- (status, paid_at, payment_method) and records the Stripe session and payment intent.
-- $1 invoiceId, $2 checkout session id, $3 payment intent id (or null)
UPDATE invoices
SET status                     = 'PAID',
    paid_at                    = now(),
    payment_method             = 'card',
    stripe_checkout_session_id = $2,
    stripe_payment_intent_id   = $3
WHERE id = $1
  AND status = 'UNPAID'
  AND paid_at IS NULL
