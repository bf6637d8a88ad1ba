-- forecast: average daily revenue of the 90 days up to $2 (paid invoices by paidAt, createdAt when
-- unset; unrounded in the projections, JS-rounded for display) and the BOOKED jobs' revenue
-- scheduled from $2 to 30/60/90 days ahead. Days are 24 h (UTC has no DST).
-- $1 businessId, $2 now
WITH history AS (
  SELECT COALESCE(sum(amount_cents), 0)::float8 AS revenue
  FROM invoices
  WHERE business_id = $1 AND status = 'PAID'
    AND COALESCE(paid_at, created_at) BETWEEN $2::timestamptz - interval '2160 hours' AND $2::timestamptz
),
daily AS (
  SELECT CASE WHEN revenue > 0 THEN revenue / 90 ELSE 0 END AS avg FROM history
),
scheduled AS (
  SELECT
    COALESCE(sum(price_cents) FILTER (WHERE start_at <= $2::timestamptz + interval '720 hours'), 0)::float8 AS days30,
    COALESCE(sum(price_cents) FILTER (WHERE start_at <= $2::timestamptz + interval '1440 hours'), 0)::float8 AS days60,
    COALESCE(sum(price_cents), 0)::float8 AS days90
  FROM jobs
  WHERE business_id = $1 AND status = 'BOOKED'
    AND start_at BETWEEN $2::timestamptz AND $2::timestamptz + interval '2160 hours'
)
SELECT
  js_round(d.avg) AS "avgDailyRevenueCents",
  s.days30 AS "scheduled30",
  js_round(d.avg * 30) AS "projected30",
  s.days60 AS "scheduled60",
  js_round(d.avg * 60) AS "projected60",
  s.days90 AS "scheduled90",
  js_round(d.avg * 90) AS "projected90"
FROM daily d, scheduled s
