-- list_by_business: every client row of a business in creation order.
-- $1 businessId
SELECT * FROM clients WHERE business_id = $1 ORDER BY seq
