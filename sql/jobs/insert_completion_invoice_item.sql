-- insert_completion_invoice_item: the PENDING invoice item legacy setJobStatus creates when a job
-- enters COMPLETED (client and business taken from the job).
-- $1 itemId, $2 jobId, $3 description, $4 priceCents, $5 date (the job's start verbatim), $6 now
INSERT INTO invoice_items (id, job_id, client_id, business_id, description, quantity, price_cents, item_date, status, created_at)
SELECT $1, j.id, j.client_id, j.business_id, $3, 1, $4::int, $5, 'PENDING', $6
FROM jobs j
WHERE j.id = $2
