-- find_for_login: the CRM client a client user logs in as: the first (creation order) of the
-- user's own business whose userId is the user or whose email is the user's (exact match).
-- $1 userId, $2 email, $3 businessId
SELECT id
FROM clients
WHERE business_id = $3
  AND (extra ->> 'userId' = $1 OR email = $2)
ORDER BY seq
LIMIT 1
