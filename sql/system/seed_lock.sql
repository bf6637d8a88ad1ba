-- seed_lock: serialises seeding between instances that start at once; released at commit.
SELECT pg_advisory_xact_lock(727261) AS locked
