-- detail: what GET /api/invoices/:invoiceId and the PDF need besides the entity: client contact,
-- the linked job's start and service name (for invoices without meta.items), business name and settings.
-- $1 invoiceId
SELECT
  COALESCE(c.name, '') AS "clientName",
  COALESCE(c.email, '') AS "clientEmail",
  COALESCE(c.phone, '') AS "clientPhone",
  COALESCE(c.address, '') AS "clientAddress",
  j.start_raw AS "jobStart",
  s.name AS "serviceName",
  b.name AS "businessName",
  b.settings AS "businessSettings"
FROM invoices i
JOIN businesses b ON b.id = i.business_id
LEFT JOIN clients c ON c.id = i.client_id
LEFT JOIN jobs j ON j.id = i.job_id
LEFT JOIN services s ON s.id = j.service_id
WHERE i.id = $1
