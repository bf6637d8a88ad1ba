-- list_for_booking: a booking's message thread within a business, newest first.
-- $1 businessId, $2 bookingId
SELECT * FROM messages WHERE business_id = $1 AND booking_id = $2 ORDER BY seq DESC
