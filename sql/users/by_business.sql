-- by_business: every user record of a business (any role), creation order.
-- $1 businessId
SELECT user_record(u) AS record
FROM users u
WHERE u.business_id = $1
ORDER BY u.seq
