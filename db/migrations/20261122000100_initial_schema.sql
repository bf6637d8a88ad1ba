-- migrate:up

-- Ids are the legacy text ids (biz_demo, u_..., job_...). Every table that legacy listed
-- "in insertion order" carries seq, an internal identity used only for ORDER BY.

CREATE TABLE businesses (
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id             text PRIMARY KEY,
  name           text NOT NULL DEFAULT 'Untitled Business',
  owner_user_id  text,
  currency       text NOT NULL DEFAULT 'gbp',
  invoice_prefix text NOT NULL DEFAULT 'INV',
  branding_color text NOT NULL DEFAULT '#16a34a',
  settings       jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  seq                      bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id                       text PRIMARY KEY,
  business_id              text REFERENCES businesses(id) ON DELETE RESTRICT,
  role                     text NOT NULL DEFAULT 'STAFF'
                           CHECK (role IN ('ADMIN', 'STAFF', 'client', 'companion')),
  name                     text DEFAULT '',
  email                    text NOT NULL DEFAULT '',
  phone                    text DEFAULT '',
  active                   boolean NOT NULL DEFAULT true,
  pass_hash                text,
  is_admin                 boolean NOT NULL DEFAULT false,
  crm_client_id            text,
  notification_preferences jsonb,
  -- legacy users[id].services is absent unless it was ever set; when true, the list is staff_services
  services_saved           boolean NOT NULL DEFAULT false,
  created_at               timestamptz NOT NULL DEFAULT now()
);

-- register creates the business before its owner exists
ALTER TABLE businesses ADD CONSTRAINT businesses_owner_fk FOREIGN KEY (owner_user_id)
  REFERENCES users(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE clients (
  seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id               text PRIMARY KEY,
  business_id      text NOT NULL REFERENCES businesses(id) ON DELETE RESTRICT,
  name             text NOT NULL DEFAULT '',
  email            text NOT NULL DEFAULT '',
  phone            text NOT NULL DEFAULT '',
  address          text NOT NULL DEFAULT '',
  address_line1    text NOT NULL DEFAULT '',
  city             text NOT NULL DEFAULT '',
  postcode         text NOT NULL DEFAULT '',
  lat              double precision,
  lng              double precision,
  notes            text NOT NULL DEFAULT '',
  dog_ids          text[] NOT NULL DEFAULT '{}',
  profile_complete boolean NOT NULL DEFAULT false,
  onboarding_step  integer NOT NULL DEFAULT 1,
  access_notes     text NOT NULL DEFAULT '',
  emergency_name   text NOT NULL DEFAULT '',
  emergency_phone  text NOT NULL DEFAULT '',
  vet_details      text NOT NULL DEFAULT '',
  behaviour_notes  text NOT NULL DEFAULT '',
  medical_notes    text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz,
  -- keys outside the standard record that real screens add (firstName, lastName, userId, ...)
  extra            jsonb NOT NULL DEFAULT '{}',
  -- standard keys absent from this record (the login-created client shape)
  omitted_keys     text[] NOT NULL DEFAULT '{}'
);

ALTER TABLE users ADD CONSTRAINT users_crm_client_fk FOREIGN KEY (crm_client_id)
  REFERENCES clients(id) ON DELETE SET NULL;

CREATE TABLE dogs (
  seq       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id        text PRIMARY KEY,
  client_id text NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
  name      text NOT NULL DEFAULT '',
  breed     text NOT NULL DEFAULT '',
  age       jsonb,
  behaviour jsonb NOT NULL DEFAULT '{}',
  notes     text NOT NULL DEFAULT ''
);

CREATE TABLE services (
  seq                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id                   text PRIMARY KEY,
  business_id          text NOT NULL REFERENCES businesses(id) ON DELETE RESTRICT,
  name                 text NOT NULL DEFAULT 'Service',
  description          text NOT NULL DEFAULT '',
  duration_minutes     integer NOT NULL DEFAULT 30 CHECK (duration_minutes >= 0),
  price_cents          integer NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
  is_group             boolean NOT NULL DEFAULT false,
  max_dogs             integer NOT NULL DEFAULT 1,
  allow_client_booking boolean NOT NULL DEFAULT true,
  approval_required    boolean NOT NULL DEFAULT false,
  active               boolean NOT NULL DEFAULT true
);

CREATE TABLE staff_services (
  staff_id   text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  position   integer NOT NULL,
  service_id text NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  PRIMARY KEY (staff_id, position)
);

CREATE TABLE staff_availability (
  staff_id   text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  weekly     jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jobs (
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  business_id text NOT NULL REFERENCES businesses(id) ON DELETE RESTRICT,
  client_id   text NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
  dog_ids     text[] NOT NULL DEFAULT '{}',
  staff_id    text REFERENCES users(id) ON DELETE SET NULL,
  service_id  text REFERENCES services(id) ON DELETE RESTRICT,
  -- the client's start string verbatim (legacy echoes it); start_at is its parsed instant
  start_raw   text,
  start_at    timestamptz,
  end_at      timestamptz,
  status      text NOT NULL DEFAULT 'PENDING'
              CHECK (status IN ('PENDING', 'BOOKED', 'COMPLETED', 'CANCELLED')),
  price_cents integer DEFAULT 0,
  notes       text NOT NULL DEFAULT '',
  route       jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recurring_jobs (
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  business_id text NOT NULL REFERENCES businesses(id) ON DELETE RESTRICT,
  client_id   text NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
  staff_id    text REFERENCES users(id) ON DELETE SET NULL,
  service_id  text NOT NULL REFERENCES services(id) ON DELETE RESTRICT,
  rule        jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id             text PRIMARY KEY,
  business_id    text NOT NULL REFERENCES businesses(id) ON DELETE RESTRICT,
  client_id      text NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
  job_id         text REFERENCES jobs(id) ON DELETE SET NULL,
  amount_cents   integer NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
  status         text NOT NULL DEFAULT 'UNPAID' CHECK (status IN ('UNPAID', 'PAID')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  sent_to_client timestamptz,
  paid_at        timestamptz,
  payment_method text CHECK (payment_method IN ('cash', 'card', 'bank_transfer', 'check', 'other')),
  payment_url    text NOT NULL,
  meta           jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE invoice_items (
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  job_id      text NOT NULL REFERENCES jobs(id) ON DELETE RESTRICT,
  client_id   text NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
  business_id text NOT NULL REFERENCES businesses(id) ON DELETE RESTRICT,
  description text NOT NULL DEFAULT '',
  quantity    integer NOT NULL DEFAULT 1,
  price_cents integer NOT NULL DEFAULT 0,
  item_date   text NOT NULL,
  status      text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'BILLED')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  invoice_id  text REFERENCES invoices(id) ON DELETE RESTRICT,
  billed_at   timestamptz,
  CHECK ((status = 'BILLED') = (invoice_id IS NOT NULL AND billed_at IS NOT NULL))
);

CREATE TABLE messages (
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  business_id text NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  booking_id  text,
  client_id   text NOT NULL,
  sender_role text NOT NULL,
  message     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_states jsonb NOT NULL
);

CREATE TABLE cancellations (
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id             text PRIMARY KEY,
  booking_id     text REFERENCES jobs(id) ON DELETE CASCADE,
  actor          text,
  policy_version text,
  fee_cents      integer,
  status         text,
  occurred_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE support_chats (
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  -- the conversation as the bot keeps it: [{role, text, ts}, ...]
  transcript  jsonb NOT NULL DEFAULT '[]',
  context     jsonb NOT NULL DEFAULT '{}',
  escalated   boolean NOT NULL DEFAULT false,
  csat        text CHECK (csat IN ('up', 'down')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_business_idx ON users (business_id, seq);
CREATE INDEX users_email_idx ON users (lower(email), seq);
CREATE INDEX users_crm_client_idx ON users (crm_client_id);
CREATE INDEX clients_business_idx ON clients (business_id, seq);
CREATE INDEX clients_email_idx ON clients (email, seq);
CREATE INDEX dogs_client_idx ON dogs (client_id, seq);
CREATE INDEX services_business_idx ON services (business_id, seq);
CREATE INDEX staff_services_service_idx ON staff_services (service_id);
CREATE INDEX jobs_business_idx ON jobs (business_id, seq);
CREATE INDEX jobs_business_start_idx ON jobs (business_id, start_at);
CREATE INDEX jobs_staff_start_idx ON jobs (staff_id, start_at);
CREATE INDEX jobs_business_status_start_idx ON jobs (business_id, status, start_at);
CREATE INDEX jobs_status_idx ON jobs (status);
CREATE INDEX jobs_client_idx ON jobs (client_id, seq);
CREATE INDEX jobs_business_day_idx ON jobs (business_id, split_part(start_raw, 'T', 1));
CREATE INDEX jobs_service_idx ON jobs (service_id);
CREATE INDEX recurring_jobs_business_idx ON recurring_jobs (business_id);
CREATE INDEX invoices_business_idx ON invoices (business_id, seq);
CREATE INDEX invoices_business_status_idx ON invoices (business_id, status);
CREATE INDEX invoices_client_idx ON invoices (client_id, seq);
CREATE INDEX invoices_job_idx ON invoices (job_id);
CREATE INDEX invoice_items_business_status_idx ON invoice_items (business_id, status, seq);
CREATE INDEX invoice_items_client_status_idx ON invoice_items (client_id, status, seq);
CREATE INDEX invoice_items_invoice_idx ON invoice_items (invoice_id);
CREATE INDEX invoice_items_job_idx ON invoice_items (job_id);
CREATE INDEX messages_booking_idx ON messages (business_id, booking_id, seq DESC);
CREATE INDEX messages_inbox_idx ON messages (business_id, client_id, seq DESC) WHERE booking_id IS NULL;
CREATE INDEX cancellations_booking_idx ON cancellations (booking_id);

-- migrate:down

DROP TABLE support_chats, cancellations, messages, invoice_items, invoices, recurring_jobs, jobs,
  staff_availability, staff_services, services, dogs;
ALTER TABLE users DROP CONSTRAINT users_crm_client_fk;
DROP TABLE clients;
ALTER TABLE businesses DROP CONSTRAINT businesses_owner_fk;
DROP TABLE users, businesses;
