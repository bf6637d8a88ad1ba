-- overview: the finance KPIs of a business at instant $2. Paid invoices count by paidAt (createdAt
-- when unset); months are UTC calendar months, last month ending at 23:59:59.000 like legacy.
-- Money sums are float8 (exact integers up to 2^53, no int4 overflow); js_round = JS Math.round.
-- validUntil: the first instant at which time alone may change these figures or the monthly trend
-- (monthly_trend): the start of the next UTC month, or earlier the first paid date after $2 (it then
-- enters this month's revenue); truncated to whole milliseconds, so never later than the change.
-- $1 businessId, $2 now
WITH bounds AS (
  SELECT
    date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS this_month_start,
    (date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') - interval '1 month') AT TIME ZONE 'UTC' AS last_month_start,
    (date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') - interval '1 second') AT TIME ZONE 'UTC' AS last_month_end,
    (date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC' AS next_month_start
),
paid AS (
  SELECT amount_cents, COALESCE(paid_at, created_at) AS paid_date
  FROM invoices
  WHERE business_id = $1 AND status = 'PAID'
),
revenue AS (
  SELECT
    COALESCE(sum(p.amount_cents), 0)::float8 AS total,
    count(p.amount_cents)::int AS invoices,
    COALESCE(sum(p.amount_cents) FILTER (WHERE p.paid_date BETWEEN b.this_month_start AND $2::timestamptz), 0)::float8 AS this_month,
    COALESCE(sum(p.amount_cents) FILTER (WHERE p.paid_date BETWEEN b.last_month_start AND b.last_month_end), 0)::float8 AS last_month,
    min(p.paid_date) FILTER (WHERE p.paid_date > $2::timestamptz) AS next_paid_date
  FROM bounds b
  LEFT JOIN paid p ON true
),
completed AS (
  SELECT count(*)::int AS jobs FROM jobs WHERE business_id = $1 AND status = 'COMPLETED'
)
SELECT
  r.total AS "totalRevenueCents",
  CASE WHEN c.jobs > 0 THEN js_round(r.total / c.jobs) ELSE 0 END AS "avgBookingValueCents",
  r.invoices AS "totalInvoices",
  c.jobs AS "totalBookings",
  CASE WHEN r.last_month > 0
    THEN js_round((r.this_month - r.last_month) / r.last_month * 100 * 10) / 10
    ELSE 0 END AS "monthlyGrowthPercent",
  r.this_month AS "thisMonthRevenueCents",
  r.last_month AS "lastMonthRevenueCents",
  date_trunc('milliseconds', LEAST(b.next_month_start, r.next_paid_date)) AS "validUntil"
FROM revenue r, completed c, bounds b
