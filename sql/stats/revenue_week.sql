-- revenue_week: cents of PAID invoices created since the start of the current week (Sunday
-- 00:00 UTC), no upper bound (legacy getRevenueForCurrentWeek uses createdAt, not paidAt).
-- $1 businessId, $2 now
SELECT COALESCE(sum(amount_cents), 0)::int AS amount
FROM invoices
WHERE business_id = $1
  AND status = 'PAID'
  AND created_at >= date_trunc('day', $2::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                    - make_interval(days => extract(dow FROM $2::timestamptz AT TIME ZONE 'UTC')::int)
