-- update: changes the fields given (null = unchanged) of a business's CRM service; returns the row.
-- $1 serviceId, $2 businessId, $3 name, $4 description, $5 durationMinutes, $6 priceCents, $7 group,
-- $8 maxDogs, $9 allowClientBooking, $10 approvalRequired, $11 active
UPDATE services SET
  name                 = COALESCE($3, name),
  description          = COALESCE($4, description),
  duration_minutes     = COALESCE($5::integer, duration_minutes),
  price_cents          = COALESCE($6::integer, price_cents),
  is_group             = COALESCE($7::boolean, is_group),
  max_dogs             = COALESCE($8::integer, max_dogs),
  allow_client_booking = COALESCE($9::boolean, allow_client_booking),
  approval_required    = COALESCE($10::boolean, approval_required),
  active               = COALESCE($11::boolean, active)
WHERE id = $1 AND business_id = $2
RETURNING *
