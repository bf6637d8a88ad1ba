-- session: the legacy "public user" returned by login, register and /api/auth/me.
-- $1 userId
SELECT u.id,
       u.email,
       u.name,
       u.business_id                  AS "businessId",
       b.name                         AS "businessName",
       u.is_admin                     AS "isAdmin",
       coalesce(nullif(u.role, ''), 'owner') AS role,
       u.crm_client_id                AS "crmClientId"
FROM users u
LEFT JOIN businesses b ON b.id = u.business_id
WHERE u.id = $1
