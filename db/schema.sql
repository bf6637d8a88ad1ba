\restrict dbmate

-- Dumped from database version 15.18
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: bump_business_data_version(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.bump_business_data_version(business text, data_domain text) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
  -- (domain, business) pairs already bumped in this transaction (a transaction-local setting, so a
  -- rolled-back savepoint forgets its bumps together with the bump itself)
  done text := COALESCE(current_setting('app.bumped_business_data', true), '');
  mark text := ' ' || data_domain || ':' || business || ' ';
BEGIN
  IF business IS NULL OR position(mark IN done) > 0 THEN RETURN; END IF;
  INSERT INTO business_data_versions AS v (business_id, domain, slot, version) VALUES (business, data_domain, pg_backend_pid() % 8, 1)
  ON CONFLICT (business_id, domain, slot) DO UPDATE SET version = v.version + 1;
  PERFORM set_config('app.bumped_business_data', done || mark, true);
END
$$;


--
-- Name: business_data_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.business_data_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
  keys text[] := '{}';
  key text;
  data_domain text := COALESCE(TG_ARGV[1], 'lists');
BEGIN
  IF TG_OP <> 'INSERT' THEN keys := keys || (to_jsonb(OLD) ->> TG_ARGV[0]); END IF;
  IF TG_OP <> 'DELETE' THEN keys := keys || (to_jsonb(NEW) ->> TG_ARGV[0]); END IF;
  FOREACH key IN ARRAY keys LOOP
    IF TG_ARGV[0] = 'client_id' THEN
      -- a dog deleted with its client: the client's own trigger bumps the business
      PERFORM bump_business_data_version((SELECT c.business_id FROM clients c WHERE c.id = key), data_domain);
    ELSE
      PERFORM bump_business_data_version(key, data_domain);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobs (
    seq bigint NOT NULL,
    id text NOT NULL,
    business_id text NOT NULL,
    client_id text NOT NULL,
    dog_ids text[] DEFAULT '{}'::text[] NOT NULL,
    staff_id text,
    service_id text,
    start_raw text,
    start_at timestamp with time zone,
    end_at timestamp with time zone,
    status text DEFAULT 'PENDING'::text NOT NULL,
    price_cents integer DEFAULT 0,
    notes text DEFAULT ''::text NOT NULL,
    route jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT jobs_status_check CHECK ((status = ANY (ARRAY['PENDING'::text, 'BOOKED'::text, 'COMPLETED'::text, 'CANCELLED'::text])))
);


--
-- Name: job_json(public.jobs); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.job_json(j public.jobs) RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$
  SELECT jsonb_build_object(
           'id', j.id,
           'businessId', j.business_id,
           'clientId', j.client_id,
           'dogIds', to_jsonb(j.dog_ids),
           'staffId', j.staff_id,
           'serviceId', j.service_id,
           'status', j.status,
           'priceCents', j.price_cents,
           'notes', j.notes,
           'route', j.route,
           'createdAt', to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'updatedAt', to_char(j.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         || CASE WHEN j.start_raw IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('start', j.start_raw) END
         || CASE WHEN j.end_at IS NULL THEN '{}'::jsonb
                 ELSE jsonb_build_object('end', to_char(j.end_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END
$$;


--
-- Name: js_round(double precision); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.js_round(x double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN ((x - floor(x)) >= (0.5)::double precision) THEN ceil(x) ELSE floor(x) END;


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    seq bigint NOT NULL,
    id text NOT NULL,
    business_id text,
    role text DEFAULT 'STAFF'::text NOT NULL,
    name text DEFAULT ''::text,
    email text DEFAULT ''::text NOT NULL,
    phone text DEFAULT ''::text,
    active boolean DEFAULT true NOT NULL,
    pass_hash text,
    is_admin boolean DEFAULT false NOT NULL,
    crm_client_id text,
    notification_preferences jsonb,
    services_saved boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_role_check CHECK ((role = ANY (ARRAY['ADMIN'::text, 'STAFF'::text, 'client'::text, 'companion'::text])))
);


--
-- Name: user_record(public.users); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.user_record(u public.users) RETURNS json
    LANGUAGE sql STABLE
    AS $$
  SELECT json_object_agg(f.key, f.value ORDER BY f.ord)
  FROM (VALUES
    (1, 'id', to_json(u.id)),
    (2, 'businessId', coalesce(to_json(u.business_id), 'null'::json)),
    (3, 'role', to_json(u.role)),
    (4, 'name', coalesce(to_json(u.name), 'null'::json)),
    (5, 'email', to_json(u.email)),
    (6, 'phone', coalesce(to_json(u.phone), 'null'::json)),
    (7, 'active', to_json(u.active)),
    (8, 'isAdmin', to_json(u.is_admin)),
    (9, 'services', CASE WHEN u.services_saved THEN
        (SELECT coalesce(json_agg(s.service_id ORDER BY s.position), '[]'::json)
         FROM staff_services s WHERE s.staff_id = u.id) END),
    (10, 'weeklyAvailability', (SELECT a.weekly::json FROM staff_availability a WHERE a.staff_id = u.id)),
    (11, 'notificationPreferences', u.notification_preferences::json),
    (12, 'crmClientId', to_json(u.crm_client_id))
  ) AS f(ord, key, value)
  WHERE f.ord <= 8 OR f.value IS NOT NULL
$$;


--
-- Name: business_data_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.business_data_versions (
    business_id text NOT NULL,
    slot smallint NOT NULL,
    version bigint NOT NULL,
    domain text DEFAULT 'lists'::text NOT NULL
);


--
-- Name: businesses; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.businesses (
    seq bigint NOT NULL,
    id text NOT NULL,
    name text DEFAULT 'Untitled Business'::text NOT NULL,
    owner_user_id text,
    currency text DEFAULT 'gbp'::text NOT NULL,
    invoice_prefix text DEFAULT 'INV'::text NOT NULL,
    branding_color text DEFAULT '#16a34a'::text NOT NULL,
    settings jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: businesses_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.businesses ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.businesses_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: cancellations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cancellations (
    seq bigint NOT NULL,
    id text NOT NULL,
    booking_id text,
    actor text,
    policy_version text,
    fee_cents integer,
    status text,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: cancellations_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.cancellations ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.cancellations_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: clients; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.clients (
    seq bigint NOT NULL,
    id text NOT NULL,
    business_id text NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    email text DEFAULT ''::text NOT NULL,
    phone text DEFAULT ''::text NOT NULL,
    address text DEFAULT ''::text NOT NULL,
    address_line1 text DEFAULT ''::text NOT NULL,
    city text DEFAULT ''::text NOT NULL,
    postcode text DEFAULT ''::text NOT NULL,
    lat double precision,
    lng double precision,
    notes text DEFAULT ''::text NOT NULL,
    dog_ids text[] DEFAULT '{}'::text[] NOT NULL,
    profile_complete boolean DEFAULT false NOT NULL,
    onboarding_step integer DEFAULT 1 NOT NULL,
    access_notes text DEFAULT ''::text NOT NULL,
    emergency_name text DEFAULT ''::text NOT NULL,
    emergency_phone text DEFAULT ''::text NOT NULL,
    vet_details text DEFAULT ''::text NOT NULL,
    behaviour_notes text DEFAULT ''::text NOT NULL,
    medical_notes text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone,
    extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    omitted_keys text[] DEFAULT '{}'::text[] NOT NULL
);


--
-- Name: clients_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.clients ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.clients_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dogs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dogs (
    seq bigint NOT NULL,
    id text NOT NULL,
    client_id text NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    breed text DEFAULT ''::text NOT NULL,
    age jsonb,
    behaviour jsonb DEFAULT '{}'::jsonb NOT NULL,
    notes text DEFAULT ''::text NOT NULL
);


--
-- Name: dogs_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.dogs ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.dogs_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: email_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.email_outbox (
    id bigint NOT NULL,
    event_key text NOT NULL,
    kind text NOT NULL,
    ref_id text NOT NULL,
    business_id text,
    recipients text[] NOT NULL,
    subject text NOT NULL,
    html text NOT NULL,
    text_body text NOT NULL,
    attachments jsonb DEFAULT '[]'::jsonb NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    last_error text,
    provider_message_id text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT email_outbox_attachments_are_references CHECK (((jsonb_typeof(attachments) = 'array'::text) AND (NOT jsonb_path_exists(attachments, '$[*]?(!((@."kind" == "invoice-pdf" && @."invoiceId".type() == "string") && @."filename".type() == "string"))'::jsonpath)))),
    CONSTRAINT email_outbox_recipients_check CHECK ((cardinality(recipients) > 0)),
    CONSTRAINT email_outbox_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sending'::text, 'sent'::text, 'skipped'::text, 'failed'::text])))
);


--
-- Name: COLUMN email_outbox.attachments; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_outbox.attachments IS '[{kind: invoice-pdf, invoiceId, filename}]: references, rendered by the worker from the stored record when it sends';


--
-- Name: email_outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.email_outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.email_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: invoice_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invoice_items (
    seq bigint NOT NULL,
    id text NOT NULL,
    job_id text NOT NULL,
    client_id text NOT NULL,
    business_id text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    quantity integer DEFAULT 1 NOT NULL,
    price_cents integer DEFAULT 0 NOT NULL,
    item_date text NOT NULL,
    status text DEFAULT 'PENDING'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    invoice_id text,
    billed_at timestamp with time zone,
    CONSTRAINT invoice_items_check CHECK (((status = 'BILLED'::text) = ((invoice_id IS NOT NULL) AND (billed_at IS NOT NULL)))),
    CONSTRAINT invoice_items_status_check CHECK ((status = ANY (ARRAY['PENDING'::text, 'BILLED'::text])))
);


--
-- Name: invoice_items_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.invoice_items ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.invoice_items_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: invoices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invoices (
    seq bigint NOT NULL,
    id text NOT NULL,
    business_id text NOT NULL,
    client_id text NOT NULL,
    job_id text,
    amount_cents integer DEFAULT 0 NOT NULL,
    status text DEFAULT 'UNPAID'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_to_client timestamp with time zone,
    paid_at timestamp with time zone,
    payment_method text,
    payment_url text NOT NULL,
    meta jsonb DEFAULT '{}'::jsonb NOT NULL,
    stripe_checkout_session_id text,
    stripe_checkout_url text,
    stripe_checkout_expires_at timestamp with time zone,
    stripe_payment_intent_id text,
    CONSTRAINT invoices_amount_cents_check CHECK ((amount_cents >= 0)),
    CONSTRAINT invoices_payment_method_check CHECK ((payment_method = ANY (ARRAY['cash'::text, 'card'::text, 'bank_transfer'::text, 'check'::text, 'other'::text]))),
    CONSTRAINT invoices_status_check CHECK ((status = ANY (ARRAY['UNPAID'::text, 'PAID'::text])))
);


--
-- Name: invoices_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.invoices ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.invoices_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.services (
    seq bigint NOT NULL,
    id text NOT NULL,
    business_id text NOT NULL,
    name text DEFAULT 'Service'::text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    duration_minutes integer DEFAULT 30 NOT NULL,
    price_cents integer DEFAULT 0 NOT NULL,
    is_group boolean DEFAULT false NOT NULL,
    max_dogs integer DEFAULT 1 NOT NULL,
    allow_client_booking boolean DEFAULT true NOT NULL,
    approval_required boolean DEFAULT false NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT services_duration_minutes_check CHECK ((duration_minutes >= 0)),
    CONSTRAINT services_price_cents_check CHECK ((price_cents >= 0))
);


--
-- Name: job_calendar_entries; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.job_calendar_entries AS
 SELECT j.id,
    j.seq,
    j.business_id,
    j.staff_id,
    j.status,
    ((public.job_json(j.*) ||
        CASE
            WHEN (j.start_raw IS NULL) THEN '{}'::jsonb
            ELSE jsonb_build_object('dateTime', j.start_raw)
        END) || jsonb_build_object('clientName', COALESCE(NULLIF(c.name, ''::text), 'Unknown Client'::text), 'addressLine1', COALESCE(c.address_line1, ''::text), 'address',
        CASE
            WHEN ((c.address_line1 <> ''::text) AND (c.city <> ''::text) AND (c.postcode <> ''::text)) THEN ((((c.address_line1 || ', '::text) || c.city) || ', '::text) || c.postcode)
            ELSE COALESCE(c.address, ''::text)
        END, 'serviceName', COALESCE(NULLIF(s.name, ''::text), 'Unknown Service'::text), 'duration', COALESCE(NULLIF(s.duration_minutes, 0), 60), 'staffName', NULLIF(u.name, ''::text), 'dogNames', d.names, 'dogs', d.refs)) AS doc
   FROM ((((public.jobs j
     LEFT JOIN public.clients c ON ((c.id = j.client_id)))
     LEFT JOIN public.services s ON ((s.id = j.service_id)))
     LEFT JOIN public.users u ON ((u.id = j.staff_id)))
     CROSS JOIN LATERAL ( SELECT COALESCE(jsonb_agg(dog.name ORDER BY t.ord), '[]'::jsonb) AS names,
            COALESCE(jsonb_agg(jsonb_build_object('dogId', dog.id, 'name', dog.name) ORDER BY t.ord), '[]'::jsonb) AS refs
           FROM (unnest(j.dog_ids) WITH ORDINALITY t(dog_id, ord)
             JOIN public.dogs dog ON ((dog.id = t.dog_id)))) d);


--
-- Name: jobs_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.jobs ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.jobs_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages (
    seq bigint NOT NULL,
    id text NOT NULL,
    business_id text NOT NULL,
    booking_id text,
    client_id text NOT NULL,
    sender_role text NOT NULL,
    message text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    read_states jsonb NOT NULL
);


--
-- Name: messages_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.messages ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.messages_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recurring_jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recurring_jobs (
    seq bigint NOT NULL,
    id text NOT NULL,
    business_id text NOT NULL,
    client_id text NOT NULL,
    staff_id text,
    service_id text NOT NULL,
    rule jsonb NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: recurring_jobs_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.recurring_jobs ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.recurring_jobs_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version character varying NOT NULL
);


--
-- Name: services_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.services ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.services_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: staff_availability; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff_availability (
    staff_id text NOT NULL,
    weekly jsonb NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: staff_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff_services (
    staff_id text NOT NULL,
    "position" integer NOT NULL,
    service_id text NOT NULL
);


--
-- Name: stripe_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stripe_events (
    id text NOT NULL,
    type text NOT NULL,
    invoice_id text,
    outcome text DEFAULT 'processing'::text NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: support_chats; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.support_chats (
    seq bigint NOT NULL,
    id text NOT NULL,
    transcript jsonb DEFAULT '[]'::jsonb NOT NULL,
    context jsonb DEFAULT '{}'::jsonb NOT NULL,
    escalated boolean DEFAULT false NOT NULL,
    csat text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    handled_by_bot boolean DEFAULT false NOT NULL,
    csat_up integer DEFAULT 0 NOT NULL,
    csat_down integer DEFAULT 0 NOT NULL,
    CONSTRAINT support_chats_csat_check CHECK ((csat = ANY (ARRAY['up'::text, 'down'::text])))
);


--
-- Name: support_chats_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.support_chats ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.support_chats_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: users_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.users ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.users_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: business_data_versions business_data_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.business_data_versions
    ADD CONSTRAINT business_data_versions_pkey PRIMARY KEY (business_id, domain, slot);


--
-- Name: businesses businesses_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.businesses
    ADD CONSTRAINT businesses_pkey PRIMARY KEY (id);


--
-- Name: businesses businesses_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.businesses
    ADD CONSTRAINT businesses_seq_key UNIQUE (seq);


--
-- Name: cancellations cancellations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cancellations
    ADD CONSTRAINT cancellations_pkey PRIMARY KEY (id);


--
-- Name: cancellations cancellations_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cancellations
    ADD CONSTRAINT cancellations_seq_key UNIQUE (seq);


--
-- Name: clients clients_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.clients
    ADD CONSTRAINT clients_pkey PRIMARY KEY (id);


--
-- Name: clients clients_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.clients
    ADD CONSTRAINT clients_seq_key UNIQUE (seq);


--
-- Name: dogs dogs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dogs
    ADD CONSTRAINT dogs_pkey PRIMARY KEY (id);


--
-- Name: dogs dogs_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dogs
    ADD CONSTRAINT dogs_seq_key UNIQUE (seq);


--
-- Name: email_outbox email_outbox_event_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_outbox
    ADD CONSTRAINT email_outbox_event_key_key UNIQUE (event_key);


--
-- Name: email_outbox email_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_outbox
    ADD CONSTRAINT email_outbox_pkey PRIMARY KEY (id);


--
-- Name: invoice_items invoice_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoice_items
    ADD CONSTRAINT invoice_items_pkey PRIMARY KEY (id);


--
-- Name: invoice_items invoice_items_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoice_items
    ADD CONSTRAINT invoice_items_seq_key UNIQUE (seq);


--
-- Name: invoices invoices_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);


--
-- Name: invoices invoices_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT invoices_seq_key UNIQUE (seq);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);


--
-- Name: jobs jobs_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_seq_key UNIQUE (seq);


--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (id);


--
-- Name: messages messages_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_seq_key UNIQUE (seq);


--
-- Name: recurring_jobs recurring_jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_jobs
    ADD CONSTRAINT recurring_jobs_pkey PRIMARY KEY (id);


--
-- Name: recurring_jobs recurring_jobs_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_jobs
    ADD CONSTRAINT recurring_jobs_seq_key UNIQUE (seq);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: services services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.services
    ADD CONSTRAINT services_pkey PRIMARY KEY (id);


--
-- Name: services services_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.services
    ADD CONSTRAINT services_seq_key UNIQUE (seq);


--
-- Name: staff_availability staff_availability_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_availability
    ADD CONSTRAINT staff_availability_pkey PRIMARY KEY (staff_id);


--
-- Name: staff_services staff_services_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_services
    ADD CONSTRAINT staff_services_pkey PRIMARY KEY (staff_id, "position");


--
-- Name: stripe_events stripe_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stripe_events
    ADD CONSTRAINT stripe_events_pkey PRIMARY KEY (id);


--
-- Name: support_chats support_chats_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.support_chats
    ADD CONSTRAINT support_chats_pkey PRIMARY KEY (id);


--
-- Name: support_chats support_chats_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.support_chats
    ADD CONSTRAINT support_chats_seq_key UNIQUE (seq);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_seq_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_seq_key UNIQUE (seq);


--
-- Name: cancellations_booking_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cancellations_booking_idx ON public.cancellations USING btree (booking_id);


--
-- Name: clients_business_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX clients_business_idx ON public.clients USING btree (business_id, seq);


--
-- Name: clients_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX clients_email_idx ON public.clients USING btree (email, seq);


--
-- Name: dogs_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dogs_client_idx ON public.dogs USING btree (client_id, seq);


--
-- Name: email_outbox_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX email_outbox_due_idx ON public.email_outbox USING btree (next_attempt_at, id) WHERE (status = ANY (ARRAY['pending'::text, 'sending'::text]));


--
-- Name: email_outbox_ref_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX email_outbox_ref_idx ON public.email_outbox USING btree (ref_id, id);


--
-- Name: invoice_items_business_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invoice_items_business_status_idx ON public.invoice_items USING btree (business_id, status, seq);


--
-- Name: invoice_items_client_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invoice_items_client_status_idx ON public.invoice_items USING btree (client_id, status, seq);


--
-- Name: invoice_items_invoice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invoice_items_invoice_idx ON public.invoice_items USING btree (invoice_id);


--
-- Name: invoice_items_job_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invoice_items_job_idx ON public.invoice_items USING btree (job_id);


--
-- Name: invoices_business_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invoices_business_idx ON public.invoices USING btree (business_id, seq);


--
-- Name: invoices_business_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invoices_business_status_idx ON public.invoices USING btree (business_id, status);


--
-- Name: invoices_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invoices_client_idx ON public.invoices USING btree (client_id, seq);


--
-- Name: invoices_job_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invoices_job_idx ON public.invoices USING btree (job_id);


--
-- Name: jobs_business_day_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_business_day_idx ON public.jobs USING btree (business_id, split_part(start_raw, 'T'::text, 1));


--
-- Name: jobs_business_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_business_idx ON public.jobs USING btree (business_id, seq);


--
-- Name: jobs_business_start_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_business_start_idx ON public.jobs USING btree (business_id, start_at);


--
-- Name: jobs_business_status_start_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_business_status_start_idx ON public.jobs USING btree (business_id, status, start_at);


--
-- Name: jobs_client_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_client_created_idx ON public.jobs USING btree (client_id, created_at);


--
-- Name: jobs_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_client_idx ON public.jobs USING btree (client_id, seq);


--
-- Name: jobs_service_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_service_idx ON public.jobs USING btree (service_id);


--
-- Name: jobs_staff_busy_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_staff_busy_idx ON public.jobs USING btree (staff_id, end_at) INCLUDE (start_at, business_id) WHERE (status = ANY (ARRAY['BOOKED'::text, 'COMPLETED'::text]));


--
-- Name: jobs_staff_start_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_staff_start_idx ON public.jobs USING btree (staff_id, start_at);


--
-- Name: jobs_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_status_idx ON public.jobs USING btree (status);


--
-- Name: messages_booking_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_booking_idx ON public.messages USING btree (business_id, booking_id, seq DESC);


--
-- Name: messages_inbox_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_inbox_idx ON public.messages USING btree (business_id, client_id, seq DESC) WHERE (booking_id IS NULL);


--
-- Name: recurring_jobs_business_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX recurring_jobs_business_idx ON public.recurring_jobs USING btree (business_id);


--
-- Name: services_business_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX services_business_idx ON public.services USING btree (business_id, seq);


--
-- Name: staff_services_service_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX staff_services_service_idx ON public.staff_services USING btree (service_id);


--
-- Name: stripe_events_invoice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stripe_events_invoice_idx ON public.stripe_events USING btree (invoice_id);


--
-- Name: users_business_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX users_business_idx ON public.users USING btree (business_id, seq);


--
-- Name: users_crm_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX users_crm_client_idx ON public.users USING btree (crm_client_id);


--
-- Name: users_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX users_email_idx ON public.users USING btree (lower(email), seq);


--
-- Name: clients clients_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER clients_data_version AFTER INSERT OR DELETE OR UPDATE ON public.clients DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.business_data_changed('business_id');


--
-- Name: dogs dogs_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER dogs_data_version AFTER INSERT OR DELETE OR UPDATE ON public.dogs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.business_data_changed('client_id');


--
-- Name: invoice_items invoice_items_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER invoice_items_data_version AFTER INSERT OR DELETE OR UPDATE ON public.invoice_items DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.business_data_changed('business_id');


--
-- Name: invoices invoices_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER invoices_data_version AFTER INSERT OR DELETE OR UPDATE ON public.invoices DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.business_data_changed('business_id', 'billing');


--
-- Name: jobs jobs_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER jobs_data_version AFTER INSERT OR DELETE OR UPDATE ON public.jobs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.business_data_changed('business_id');


--
-- Name: services services_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER services_data_version AFTER INSERT OR DELETE OR UPDATE ON public.services DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.business_data_changed('business_id');


--
-- Name: users users_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER users_data_version AFTER INSERT OR DELETE OR UPDATE OF name, email, business_id ON public.users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.business_data_changed('business_id');


--
-- Name: businesses businesses_owner_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.businesses
    ADD CONSTRAINT businesses_owner_fk FOREIGN KEY (owner_user_id) REFERENCES public.users(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;


--
-- Name: cancellations cancellations_booking_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cancellations
    ADD CONSTRAINT cancellations_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES public.jobs(id) ON DELETE CASCADE;


--
-- Name: clients clients_business_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.clients
    ADD CONSTRAINT clients_business_id_fkey FOREIGN KEY (business_id) REFERENCES public.businesses(id) ON DELETE RESTRICT;


--
-- Name: dogs dogs_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dogs
    ADD CONSTRAINT dogs_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.clients(id) ON DELETE RESTRICT;


--
-- Name: invoice_items invoice_items_business_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoice_items
    ADD CONSTRAINT invoice_items_business_id_fkey FOREIGN KEY (business_id) REFERENCES public.businesses(id) ON DELETE RESTRICT;


--
-- Name: invoice_items invoice_items_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoice_items
    ADD CONSTRAINT invoice_items_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.clients(id) ON DELETE RESTRICT;


--
-- Name: invoice_items invoice_items_invoice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoice_items
    ADD CONSTRAINT invoice_items_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES public.invoices(id) ON DELETE RESTRICT;


--
-- Name: invoice_items invoice_items_job_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoice_items
    ADD CONSTRAINT invoice_items_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.jobs(id) ON DELETE RESTRICT;


--
-- Name: invoices invoices_business_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT invoices_business_id_fkey FOREIGN KEY (business_id) REFERENCES public.businesses(id) ON DELETE RESTRICT;


--
-- Name: invoices invoices_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT invoices_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.clients(id) ON DELETE RESTRICT;


--
-- Name: invoices invoices_job_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT invoices_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.jobs(id) ON DELETE SET NULL;


--
-- Name: jobs jobs_business_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_business_id_fkey FOREIGN KEY (business_id) REFERENCES public.businesses(id) ON DELETE RESTRICT;


--
-- Name: jobs jobs_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.clients(id) ON DELETE RESTRICT;


--
-- Name: jobs jobs_service_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_service_id_fkey FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE RESTRICT;


--
-- Name: jobs jobs_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: messages messages_business_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_business_id_fkey FOREIGN KEY (business_id) REFERENCES public.businesses(id) ON DELETE CASCADE;


--
-- Name: recurring_jobs recurring_jobs_business_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_jobs
    ADD CONSTRAINT recurring_jobs_business_id_fkey FOREIGN KEY (business_id) REFERENCES public.businesses(id) ON DELETE RESTRICT;


--
-- Name: recurring_jobs recurring_jobs_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_jobs
    ADD CONSTRAINT recurring_jobs_client_id_fkey FOREIGN KEY (client_id) REFERENCES public.clients(id) ON DELETE RESTRICT;


--
-- Name: recurring_jobs recurring_jobs_service_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_jobs
    ADD CONSTRAINT recurring_jobs_service_id_fkey FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE RESTRICT;


--
-- Name: recurring_jobs recurring_jobs_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_jobs
    ADD CONSTRAINT recurring_jobs_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: services services_business_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.services
    ADD CONSTRAINT services_business_id_fkey FOREIGN KEY (business_id) REFERENCES public.businesses(id) ON DELETE RESTRICT;


--
-- Name: staff_availability staff_availability_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_availability
    ADD CONSTRAINT staff_availability_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: staff_services staff_services_service_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_services
    ADD CONSTRAINT staff_services_service_id_fkey FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE CASCADE;


--
-- Name: staff_services staff_services_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_services
    ADD CONSTRAINT staff_services_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: users users_business_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_business_id_fkey FOREIGN KEY (business_id) REFERENCES public.businesses(id) ON DELETE RESTRICT;


--
-- Name: users users_crm_client_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_crm_client_fk FOREIGN KEY (crm_client_id) REFERENCES public.clients(id) ON DELETE SET NULL;


--
-- PostgreSQL database dump complete
--

\unrestrict dbmate


--
-- Dbmate schema migrations
--

INSERT INTO public.schema_migrations (version) VALUES
    ('20261122000100'),
    ('20261122001000'),
    ('20261122002000'),
    ('20261122003000'),
    ('20261122004000'),
    ('20261122005000'),
    ('20261122006000'),
    ('20261122006100'),
    ('20261122008000'),
    ('20261122009000'),
    ('20261122010000'),
    ('20261122011000');
