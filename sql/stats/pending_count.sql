-- pending_count: how many PENDING jobs a business has.
-- $1 businessId
SELECT count(*)::int AS count FROM jobs WHERE business_id = $1 AND status = 'PENDING'
