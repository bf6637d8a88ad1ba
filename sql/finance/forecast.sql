-- forecast: average daily revenue of the 90 days up to $2 (paid invoices by paidAt, createdAt when
-- unset; unrounded in the projections, JS-rounded for display) and the BOOKED jobs' revenue
-- scheduled from $2 to 30/60/90 days ahead. Days are 24 h (UTC has no DST).
-- validUntil: the first instant at which time alone may change the forecast (NULL: never), the
-- earliest of: the first paid date after $2 (enters the history); the first paid date in the history
-- + 90 days (leaves it); the first BOOKED start at or after $2 (leaves the schedule once passed); for
-- X = 30/60/90 days, the first BOOKED start after $2 + X, minus X (enters that window). Truncated to
-- whole milliseconds, so never later than the change. Jobs by jobs_business_status_start_idx.
-- $1 businessId, $2 now
WITH history AS (
  SELECT
    COALESCE(sum(amount_cents) FILTER (WHERE paid_date BETWEEN $2::timestamptz - interval '2160 hours' AND $2::timestamptz), 0)::float8 AS revenue,
    min(paid_date) FILTER (WHERE paid_date > $2::timestamptz) AS next_entering,
    min(paid_date) FILTER (WHERE paid_date BETWEEN $2::timestamptz - interval '2160 hours' AND $2::timestamptz) + interval '2160 hours' AS next_leaving
  FROM (SELECT amount_cents, COALESCE(paid_at, created_at) AS paid_date FROM invoices WHERE business_id = $1 AND status = 'PAID') AS paid
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
),
schedule_changes AS (
  SELECT (SELECT min(start_at) FROM jobs WHERE business_id = $1 AND status = 'BOOKED' AND start_at >= $2::timestamptz) AS change_at
  UNION ALL
  SELECT (SELECT min(start_at) FROM jobs WHERE business_id = $1 AND status = 'BOOKED' AND start_at > $2::timestamptz + w) - w
  FROM unnest(ARRAY[interval '720 hours', interval '1440 hours', interval '2160 hours']) AS w
)
SELECT
  js_round(d.avg) AS "avgDailyRevenueCents",
  s.days30 AS "scheduled30",
  js_round(d.avg * 30) AS "projected30",
  s.days60 AS "scheduled60",
  js_round(d.avg * 60) AS "projected60",
  s.days90 AS "scheduled90",
  js_round(d.avg * 90) AS "projected90",
  date_trunc('milliseconds', LEAST(h.next_entering, h.next_leaving, (SELECT min(change_at) FROM schedule_changes))) AS "validUntil"
FROM daily d, scheduled s, history h
