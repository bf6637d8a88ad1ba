-- list: the user records of a business whose role is exactly STAFF, creation order.
-- $1 businessId
SELECT user_record(u) AS record
FROM users u
WHERE u.business_id = $1 AND u.role = 'STAFF'
ORDER BY u.seq
