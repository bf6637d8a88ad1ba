-- staff_for_booking: the user a booking is to be assigned to, to check role and business.
-- $1 userId
SELECT id, business_id AS "businessId", role
FROM users
WHERE id = $1
