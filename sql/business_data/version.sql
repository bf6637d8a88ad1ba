-- version: the business's data version (business_data_versions; 0 before its first change), the
-- fingerprint a cached list is checked against on every request.
-- $1 businessId
SELECT COALESCE((SELECT v.version FROM business_data_versions v WHERE v.business_id = $1), 0)::text AS version
