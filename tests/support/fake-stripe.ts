// A local fake of the few Stripe API calls stripe-node makes for Checkout, on a free port:
// create / retrieve / expire a checkout session, with Stripe's response and error shapes and
// Idempotency-Key replay. `failing = true` makes every call answer a Stripe 500 api_error.
// Also builds webhook events and signs them the way Stripe does.
import Stripe from 'stripe';

export type FakeSession = Stripe.Checkout.Session;

export interface RecordedRequest {
  method: string;
  path: string;
  /** the form body, decoded into nested objects (numbers stay strings, as sent) */
  params: Record<string, any>;
  idempotencyKey: string | null;
}

export interface FakeStripe {
  url: string;
  sessions: Map<string, FakeSession>;
  requests: RecordedRequest[];
  failing: boolean;
  /** runs while a session is being created, before the answer leaves (to stage races) */
  duringCreate: (() => Promise<void>) | null;
  /** the session after the payer paid on Stripe's page */
  pay(sessionId: string): FakeSession;
  /** makes the session expire in `seconds` */
  expireIn(sessionId: string, seconds: number): void;
  close(): void;
}

const randomId = (prefix: string) => `${prefix}${crypto.randomUUID().replace(/-/g, '')}`;
const now = () => Math.floor(Date.now() / 1000);

export function startFakeStripe(): FakeStripe {
  const sessions = new Map<string, FakeSession>();
  const requests: RecordedRequest[] = [];
  const replays = new Map<string, FakeSession>();

  const fake: FakeStripe = {
    url: '',
    sessions,
    requests,
    failing: false,
    duringCreate: null,
    pay(sessionId) {
      const session = mustGet(sessions, sessionId);
      Object.assign(session, {
        status: 'complete',
        payment_status: 'paid',
        payment_intent: randomId('pi_'),
        customer_details: { email: session.customer_email, name: 'Test Payer' },
      });
      return structuredClone(session);
    },
    expireIn(sessionId, seconds) {
      mustGet(sessions, sessionId).expires_at = now() + seconds;
    },
    close: () => server.stop(true),
  };

  const server = Bun.serve({
    port: 0,
    async fetch(req) {
      const { pathname } = new URL(req.url);
      const params = parseForm(req.method === 'POST' ? await req.text() : '');
      requests.push({ method: req.method, path: pathname, params, idempotencyKey: req.headers.get('idempotency-key') });

      if (!/^Bearer sk_test_/.test(req.headers.get('authorization') ?? '')) {
        return stripeError(401, 'invalid_request_error', 'Invalid API Key provided');
      }
      if (fake.failing) return stripeError(500, 'api_error', 'Fake Stripe outage');

      if (req.method === 'POST' && pathname === '/v1/checkout/sessions') {
        const key = req.headers.get('idempotency-key');
        const replay = key ? replays.get(key) : undefined;
        if (replay) return json(200, sessions.get(replay.id));
        const created = createSession(params);
        if (typeof created === 'string') return stripeError(400, 'invalid_request_error', created);
        sessions.set(created.id, created);
        if (key) replays.set(key, created);
        await fake.duringCreate?.();
        return json(200, created);
      }
      const match = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(pathname);
      const session = match ? sessions.get(match[1]) : undefined;
      if (!session) return stripeError(404, 'invalid_request_error', `No such checkout.session: '${match?.[1]}'`);
      if (req.method === 'GET' && !match![2]) return json(200, session);
      if (req.method === 'POST' && match![2]) {
        if (session.status !== 'open') return stripeError(400, 'invalid_request_error', 'Only Checkout Sessions with a status in ["open"] can be expired.');
        Object.assign(session, { status: 'expired', url: null, expires_at: now() });
        return json(200, session);
      }
      return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${pathname})`);
    },
  });
  fake.url = `http://127.0.0.1:${server.port}`;
  return fake;
}

function createSession(p: Record<string, any>): FakeSession | string {
  if (p.mode !== 'payment') return 'Missing required param: mode.';
  if (!p.success_url) return 'Missing required param: success_url.';
  const items = (p.line_items ?? []) as { quantity: string; price_data: { currency: string; unit_amount: string } }[];
  if (!items.length) return 'Missing required param: line_items.';
  const currency = items[0].price_data?.currency;
  if (!currency || items.some((i) => i.price_data?.currency !== currency)) return 'All line items must use the same currency.';
  let total = 0;
  for (const item of items) {
    const amount = Number(item.price_data.unit_amount);
    if (!Number.isInteger(amount) || amount < 1) return 'Invalid integer: line_items[0][price_data][unit_amount]';
    total += amount * Number(item.quantity ?? 1);
  }
  const id = randomId('cs_test_');
  const created = now();
  return {
    id,
    object: 'checkout.session',
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, status: null },
    cancel_url: p.cancel_url ?? null,
    client_reference_id: p.client_reference_id ?? null,
    created,
    currency,
    customer: null,
    customer_creation: 'if_required',
    customer_details: null,
    customer_email: p.customer_email ?? null,
    expires_at: created + 24 * 3600,
    invoice: null,
    livemode: false,
    locale: null,
    metadata: p.metadata ?? {},
    mode: 'payment',
    payment_intent: null,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    status: 'open',
    success_url: p.success_url,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: `https://checkout.stripe.com/c/pay/${id}`,
  } as unknown as FakeSession;
}

/** Stripe's form encoding (a[b][0][c]=v) back into nested objects and arrays */
export function parseForm(text: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: any = out;
    path.forEach((segment, i) => {
      if (i === path.length - 1) node[segment] = value;
      else node = node[segment] ??= /^\d+$/.test(path[i + 1]) ? [] : {};
    });
  }
  return out;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'request-id': randomId('req_') } });

const stripeError = (status: number, type: string, message: string) =>
  new Response(JSON.stringify({ error: { type, message } }), {
    status,
    headers: { 'content-type': 'application/json', 'stripe-should-retry': 'false' },
  });

function mustGet(sessions: Map<string, FakeSession>, id: string): FakeSession {
  const session = sessions.get(id);
  if (!session) throw new Error(`fake Stripe has no session ${id}`);
  return session;
}

/** A webhook event as Stripe sends it, around a checkout session. */
export function stripeEvent(type: string, session: FakeSession): Stripe.Event {
  return {
    id: randomId('evt_'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: now(),
    data: { object: session },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

/** The raw body and Stripe-Signature header of a delivery; `timestamp` back-dates the signature. */
export async function signedDelivery(event: Stripe.Event, secret: string, timestamp?: number) {
  const raw = JSON.stringify(event, null, 2);
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({ payload: raw, secret, timestamp });
  return { raw, headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature } };
}
