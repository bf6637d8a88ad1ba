-- get: one user's record and business (the staff routes check the business themselves).
-- $1 userId
SELECT u.business_id AS "businessId", user_record(u) AS record
FROM users u
WHERE u.id = $1
