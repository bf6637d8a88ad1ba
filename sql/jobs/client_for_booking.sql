-- client_for_booking: the client fields booking rules and walking routes need.
-- $1 clientId
SELECT id, business_id AS "businessId", name, lat, lng
FROM clients
WHERE id = $1
