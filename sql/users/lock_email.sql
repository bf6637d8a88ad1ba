-- lock_email: serialises registrations of the same e-mail until the transaction ends, so the
-- "already registered" check cannot race.
-- $1 email
SELECT pg_advisory_xact_lock(hashtext(lower($1::text)))
