-- get_by_email: the first user (creation order) whose email matches case-insensitively, for login.
-- $1 email
SELECT id,
       business_id   AS "businessId",
       role,
       name,
       email,
       phone,
       pass_hash     AS "passHash",
       is_admin      AS "isAdmin",
       crm_client_id AS "crmClientId"
FROM users
WHERE lower(email) = lower($1)
ORDER BY seq
LIMIT 1
