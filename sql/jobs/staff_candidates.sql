-- staff_candidates: the business's STAFF users in creation order, with what auto-assignment needs:
-- the services they perform (null when never set), their weekly availability, and whether a BOOKED
-- or COMPLETED job of theirs overlaps [start, end) (back to back is no overlap).
-- $1 businessId, $2 slotStart, $3 slotEnd
SELECT u.id,
       CASE WHEN u.services_saved
            THEN ARRAY(SELECT ss.service_id FROM staff_services ss WHERE ss.staff_id = u.id ORDER BY ss.position)
       END AS services,
       a.weekly,
       EXISTS (
         SELECT 1 FROM jobs j
         WHERE j.business_id = $1 AND j.staff_id = u.id AND j.status IN ('BOOKED', 'COMPLETED')
           AND j.start_at < $3::timestamptz AND $2::timestamptz < j.end_at
       ) AS busy
FROM users u
LEFT JOIN staff_availability a ON a.staff_id = u.id
WHERE u.business_id = $1 AND u.role = 'STAFF'
ORDER BY u.seq
