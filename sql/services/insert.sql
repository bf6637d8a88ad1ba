-- insert: creates a service record (the svc_ family used by bookings) and returns it.
-- $1 id, $2 businessId, $3 name, $4 description, $5 durationMinutes, $6 priceCents, $7 group,
-- $8 maxDogs, $9 allowClientBooking, $10 approvalRequired, $11 active
INSERT INTO services (id, business_id, name, description, duration_minutes, price_cents, is_group,
                      max_dogs, allow_client_booking, approval_required, active)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
RETURNING *
