-- save_checkout_session: remembers the open Checkout Session of an unpaid invoice so pay links reuse it.
-- $1 invoiceId, $2 sessionId, $3 session url, $4 session expiry
UPDATE invoices
SET stripe_checkout_session_id = $2,
    stripe_checkout_url        = $3,
    stripe_checkout_expires_at = $4
WHERE id = $1
  AND status = 'UNPAID'
  AND paid_at IS NULL
