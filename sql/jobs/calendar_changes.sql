-- calendar_changes: what changed in a business's calendar since a kept copy was read, in one snapshot
-- (src/cache/calendar-cache.ts). Every row carries the statement's own snapshot, the business's data
-- version and its job count, the counts of its clients, dogs, services and users, and whether this is a
-- full read; then one changed job (id, seq, staffId, status and the document list_calendar would put in
-- its list), or nulls when none changed. A job counts as changed when its row version was written by a
-- transaction not older than the oldest one running at $2 (its xmin at or above pg_snapshot_xmin($2):
-- unlike pg_visible_in_snapshot this also catches subtransactions of transactions running then). Every
-- job is returned (full = true) when $2 is null, when $2 is over 2^30 transactions old or ahead of this
-- snapshot, when the server is not the one that gave $2 (a restored database has other transaction ids),
-- or when a client, dog, service or user of the business was written since $2 or their counts differ from $3.
-- $1 businessId, $2 snapshot the kept copy was read in (null: read everything),
-- $3 counts of clients, dogs, services and users when it was read, $4 the server's start time then (epoch seconds)
WITH snap AS (
  SELECT pg_current_snapshot()::text AS snapshot,
         extract(epoch FROM pg_postmaster_start_time())::text AS server,
         pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS next_xid
),
-- A row's xmin is the low 32 bits of the writer's full transaction id; its age is counted back from
-- next_xid modulo 2^32. The row is new when that age is at most next_xid - xmin($2). Aged frozen xids
-- may alias to a young age: then a row is read again, never missed. Ids 0-2 are never new.
since AS (
  SELECT s.next_xid % 4294967296 AS next32,
         s.next_xid - pg_snapshot_xmin($2::pg_snapshot)::text::bigint AS max_age
  FROM snap s
),
counts AS (
  SELECT ARRAY[
           (SELECT count(*) FROM clients c WHERE c.business_id = $1),
           (SELECT count(*) FROM dogs d JOIN clients c ON c.id = d.client_id WHERE c.business_id = $1),
           (SELECT count(*) FROM services s WHERE s.business_id = $1),
           (SELECT count(*) FROM users u WHERE u.business_id = $1)
         ]::int[] AS others
),
young AS (
  SELECT r.xmin::text::bigint AS x
  FROM (SELECT c.xmin FROM clients c WHERE c.business_id = $1
        UNION ALL SELECT d.xmin FROM dogs d JOIN clients c ON c.id = d.client_id WHERE c.business_id = $1
        UNION ALL SELECT s.xmin FROM services s WHERE s.business_id = $1
        UNION ALL SELECT u.xmin FROM users u WHERE u.business_id = $1) r
),
head AS (
  SELECT sn.snapshot,
         sn.server,
         (SELECT COALESCE(sum(v.version), 0) FROM business_data_versions v WHERE v.business_id = $1 AND v.domain = 'lists')::text AS version,
         (SELECT count(*) FROM jobs j WHERE j.business_id = $1)::int AS jobs,
         co.others,
         (si.max_age IS NULL
          OR si.max_age NOT BETWEEN 0 AND 1073741823
          OR sn.server IS DISTINCT FROM $4::text
          OR co.others IS DISTINCT FROM $3::int[]
          OR EXISTS (SELECT 1 FROM young y WHERE y.x >= 3 AND (si.next32 - y.x + 4294967296) % 4294967296 <= si.max_age)) AS "full",
         si.next32,
         si.max_age
  FROM snap sn, since si, counts co
),
-- the documents are built only for the jobs returned (looked up by primary key when only some are);
-- one branch or the other runs
changed AS MATERIALIZED (
  SELECT j.id
  FROM jobs j, head h
  WHERE j.business_id = $1
    AND NOT h."full"
    AND j.xmin::text::bigint >= 3
    AND (h.next32 - j.xmin::text::bigint + 4294967296) % 4294967296 <= h.max_age
),
docs AS (
  SELECT e.id, e.seq, e.staff_id, e.status, e.doc
  FROM job_calendar_entries e
  WHERE e.business_id = $1 AND (SELECT h."full" FROM head h)
  UNION ALL
  SELECT e.id, e.seq, e.staff_id, e.status, e.doc
  FROM job_calendar_entries e
  WHERE e.id = ANY ((SELECT array_agg(c.id) FROM changed c)::text[])
)
SELECT h.snapshot, h.server, h.version, h.jobs, h.others, h."full",
       d.id, d.seq::text AS seq, d.staff_id AS "staffId", d.status, d.doc::text AS doc
FROM head h
LEFT JOIN docs d ON true
ORDER BY d.seq
