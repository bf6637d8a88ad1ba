-- monthly_trend: for the 6 UTC calendar months ending with the month of $2 (oldest first): revenue of
-- paid invoices by paidAt (createdAt when unset) and the number of COMPLETED jobs starting in the
-- month. A month runs from the 1st 00:00:00.000 to its last day 23:59:59.000, both inclusive (legacy).
-- $1 businessId, $2 now
WITH months AS (
  SELECT
    back,
    to_char(m, 'YYYY-MM') AS month_key,
    m AT TIME ZONE 'UTC' AS month_start,
    (m + interval '1 month' - interval '1 second') AT TIME ZONE 'UTC' AS month_end
  FROM generate_series(5, 0, -1) AS back,
    LATERAL (SELECT date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') - make_interval(months => back) AS m) AS start
)
SELECT
  mo.month_key AS "monthKey",
  (SELECT COALESCE(sum(i.amount_cents), 0)::float8
     FROM invoices i
    WHERE i.business_id = $1 AND i.status = 'PAID'
      AND COALESCE(i.paid_at, i.created_at) BETWEEN mo.month_start AND mo.month_end) AS "revenueCents",
  (SELECT count(*)::int
     FROM jobs j
    WHERE j.business_id = $1 AND j.status = 'COMPLETED'
      AND j.start_at BETWEEN mo.month_start AND mo.month_end) AS "bookingCount"
FROM months mo
ORDER BY mo.back DESC
