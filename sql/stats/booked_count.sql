-- booked_count: how many BOOKED jobs a business has, past ones included (legacy countUpcomingBookings).
-- $1 businessId
SELECT count(*)::int AS count FROM jobs WHERE business_id = $1 AND status = 'BOOKED'
