-- list_pending_by_business: GET /api/invoice-items/pending as one JSON text: a business's PENDING
-- items in creation order, grouped by client ({clientId, clientName, items}), groups in order of their
-- first item (timestamps formatted like JSON.stringify of a Date).
-- With the business's data version read in the same snapshot, so the text can be cached under it.
-- $1 businessId
SELECT (SELECT COALESCE(sum(v.version), 0) FROM business_data_versions v WHERE v.business_id = $1 AND v.domain = 'lists')::text AS version,
       COALESCE(json_agg(json_build_object('clientId', g.client_id, 'clientName', g.client_name, 'items', g.items)
                ORDER BY g.first_seq), '[]')::text AS list
FROM (
  SELECT
    it.client_id,
    COALESCE(NULLIF(c.name, ''), 'Unknown Client') AS client_name,
    min(it.seq) AS first_seq,
    json_agg(json_build_object(
      'id', it.id,
      'jobId', it.job_id,
      'clientId', it.client_id,
      'businessId', it.business_id,
      'description', it.description,
      'quantity', it.quantity,
      'priceCents', it.price_cents,
      'date', it.item_date,
      'status', it.status,
      'createdAt', to_char(it.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY it.seq) AS items
  FROM invoice_items it
  LEFT JOIN clients c ON c.id = it.client_id
  WHERE it.business_id = $1 AND it.status = 'PENDING'
  GROUP BY it.client_id, c.name
) g
