-- get: one CRM service row by id (any business; callers check ownership).
-- $1 serviceId
SELECT * FROM services WHERE id = $1
