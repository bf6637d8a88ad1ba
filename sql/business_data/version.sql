-- version: the business's data version in the given domains (the sum of their business_data_versions
-- slots; 0 before the first change), the fingerprint a cached response is checked against on every
-- request. 'lists': jobs, clients, dogs, services, users, invoice items; 'billing': invoices.
-- $1 businessId, $2 domains (text[])
SELECT COALESCE(sum(v.version), 0)::text AS version FROM business_data_versions v WHERE v.business_id = $1 AND v.domain = ANY($2::text[])
