-- mark_billed: marks the (locked, PENDING) items as billed by the invoice.
-- $1 itemIds (text[]), $2 invoiceId
UPDATE invoice_items
SET status = 'BILLED', invoice_id = $2, billed_at = now()
WHERE id = ANY($1::text[]) AND status = 'PENDING'
