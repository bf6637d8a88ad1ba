-- get: one client row by id (any business; callers check access).
-- $1 clientId
SELECT * FROM clients WHERE id = $1
