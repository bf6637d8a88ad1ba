-- service_for_booking: the service fields a booking takes its duration, price and name from.
-- $1 serviceId
SELECT id, business_id AS "businessId", name, duration_minutes AS "durationMinutes", price_cents AS "priceCents"
FROM services
WHERE id = $1
