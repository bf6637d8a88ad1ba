-- lock_business_assignment: serialises staff auto-assignment within one business until the
-- transaction ends, so two approvals cannot give one walker two overlapping slots.
-- $1 businessId
SELECT pg_advisory_xact_lock(hashtext('job-assignment:' || $1::text))
