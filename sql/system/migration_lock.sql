-- migration_lock: held by the session running dbmate up, so instances starting at once migrate one
-- after the other (dbmate itself takes no lock); released when that session ends.
SELECT pg_advisory_lock(727262) AS locked
