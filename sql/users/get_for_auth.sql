-- get_for_auth: what the guards need to know about the user a token names.
-- $1 userId
SELECT id,
       business_id   AS "businessId",
       role,
       name,
       email,
       is_admin      AS "isAdmin",
       crm_client_id AS "crmClientId"
FROM users
WHERE id = $1
