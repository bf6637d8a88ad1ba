-- version: the business's data version (the sum of its business_data_versions slots; 0 before its
-- first change), the fingerprint a cached list is checked against on every request.
-- $1 businessId
SELECT COALESCE(sum(v.version), 0)::text AS version FROM business_data_versions v WHERE v.business_id = $1
