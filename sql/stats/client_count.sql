-- client_count: how many clients a business has.
-- $1 businessId
SELECT count(*)::int AS count FROM clients WHERE business_id = $1
