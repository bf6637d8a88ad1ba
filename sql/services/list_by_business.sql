-- list_by_business: every CRM service of a business, active and inactive, in creation order.
-- $1 businessId
SELECT * FROM services WHERE business_id = $1 ORDER BY seq
