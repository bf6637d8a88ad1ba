-- bill_items: creates an UNPAID invoice for the given (locked, PENDING) items and marks them billed
-- by it, in one statement: amount = sum of price x quantity, meta.items = one line per item in the
-- given order.
-- $1 invoiceId, $2 businessId, $3 clientId, $4 itemIds (text[], request order), $5 paymentUrl
WITH invoice AS (
  INSERT INTO invoices (id, business_id, client_id, job_id, amount_cents, status, payment_url, meta)
  SELECT
    $1, $2, $3, NULL,
    COALESCE(sum(it.price_cents * it.quantity), 0)::int,
    'UNPAID',
    $5,
    jsonb_build_object('items', COALESCE(jsonb_agg(jsonb_build_object(
      'id', it.id,
      'description', it.description,
      'quantity', it.quantity,
      'amount', it.price_cents * it.quantity,
      'date', it.item_date
    ) ORDER BY req.ord), '[]'::jsonb))
  FROM unnest($4::text[]) WITH ORDINALITY AS req(id, ord)
  JOIN invoice_items it ON it.id = req.id
  RETURNING id
)
UPDATE invoice_items
SET status = 'BILLED', invoice_id = $1, billed_at = now()
WHERE id = ANY($4::text[]) AND status = 'PENDING' AND EXISTS (SELECT 1 FROM invoice)
