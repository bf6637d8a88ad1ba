-- booking_owner: the business and client of a booking (jobs table), to check who may use its thread.
-- $1 bookingId
SELECT business_id AS "businessId", client_id AS "clientId" FROM jobs WHERE id = $1
