-- business_recipients: where mail for a business goes: settings profile.contactEmail when set,
-- otherwise the emails of its active admin users (oldest first).
-- $1 businessId
SELECT CASE
         WHEN coalesce(btrim(b.settings #>> '{profile,contactEmail}'), '') <> ''
           THEN ARRAY[btrim(b.settings #>> '{profile,contactEmail}')]
         ELSE ARRAY(SELECT btrim(u.email) FROM users u
                    WHERE u.business_id = b.id AND u.role = 'ADMIN' AND u.active AND btrim(u.email) <> ''
                    ORDER BY u.seq)
       END AS recipients
FROM businesses b
WHERE b.id = $1
