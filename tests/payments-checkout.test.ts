// Checkout for invoices, pay links and the pages around Checkout (issue 7), against the real
// stripe SDK pointed at a local fake Stripe.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { payLinkFor } from '../src/services/payments/pay-links';
import { createTestApp, DEMO, type TestApp } from './support/app';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import { insertInvoice, insertOtherBusiness, invoiceState, type OtherBusiness } from './support/payment-fixtures';

const PUBLIC_BASE_URL = 'https://api.pawtimation.test';
const FRONTEND_BASE_URL = 'https://app.pawtimation.test';

let t: TestApp;
let stripe: FakeStripe;
let clientToken: string;
let adminToken: string;
let other: OtherBusiness;

beforeAll(async () => {
  stripe = startFakeStripe();
  t = await createTestApp({ STRIPE_API_URL: stripe.url, PUBLIC_BASE_URL, FRONTEND_BASE_URL });
  clientToken = await t.login(DEMO.client.email, DEMO.client.password);
  adminToken = await t.login(DEMO.admin.email, DEMO.admin.password);
  other = await insertOtherBusiness(t.db);
}, 60_000); // the first file of a run migrates the template database
afterAll(async () => {
  stripe.close();
  await t.close();
});
beforeEach(() => {
  stripe.failing = false;
  stripe.duringCreate = null;
  stripe.requests.length = 0;
});

const checkout = (invoiceId: string, token?: string) => t.call('POST', `/api/invoices/${invoiceId}/checkout`, { token });
const sessionCreates = () => stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
const payLink = (invoiceId: string) => payLinkFor(t.deps.config, invoiceId);
const payPath = async (invoiceId: string) => new URL(await payLink(invoiceId)).pathname;

describe('POST /api/invoices/:invoiceId/checkout', () => {
  test("the invoice's client gets a Checkout Session for the invoice total, currency and metadata", async () => {
    const invoiceId = await insertInvoice(t.db, { amountCents: 4500 });
    const res = await checkout(invoiceId, clientToken);

    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['sessionId', 'url']);
    const session = stripe.sessions.get(res.body.sessionId)!;
    expect(res.body.url).toBe(session.url!);
    expect(session.amount_total).toBe(4500);
    expect(session.currency).toBe('gbp');

    const [create] = sessionCreates();
    const metadata = { invoiceId, clientId: 'c_demo_client', businessId: 'biz_demo' };
    expect(create.params.metadata).toEqual(metadata);
    expect(create.params.payment_intent_data.metadata).toEqual(metadata);
    expect(create.params.client_reference_id).toBe(invoiceId);
    expect(create.params.customer_email).toBe('demo@client.com');
    expect(create.params.line_items).toHaveLength(1);
    const item = create.params.line_items[0];
    expect(item.quantity).toBe('1');
    expect(item.price_data.unit_amount).toBe('4500');
    expect(item.price_data.product_data.name).toBe(`Invoice #${invoiceId.slice(4).toUpperCase()} from Demo Dog Walking`);
    const link = await payLink(invoiceId);
    expect(create.params.success_url).toBe(`${link}/success`);
    expect(create.params.cancel_url).toBe(`${link}/cancelled`);

    const state = await invoiceState(t.db, invoiceId);
    expect(state).toMatchObject({ status: 'UNPAID', paidAt: null, paymentMethod: null, checkoutSessionId: session.id });
  });

  test('reuses the open session instead of creating another', async () => {
    const invoiceId = await insertInvoice(t.db);
    const first = await checkout(invoiceId, clientToken);
    const second = await checkout(invoiceId, adminToken);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(sessionCreates()).toHaveLength(1);
  });

  test('replaces a session that has expired, or expires one about to lapse before replacing it', async () => {
    const invoiceId = await insertInvoice(t.db);
    const first = (await checkout(invoiceId, clientToken)).body.sessionId;

    stripe.expireIn(first, 120);
    const second = (await checkout(invoiceId, clientToken)).body.sessionId;
    expect(second).not.toBe(first);
    expect(stripe.sessions.get(first)!.status).toBe('expired');
    expect((await invoiceState(t.db, invoiceId)).checkoutSessionId).toBe(second);
  });

  test('uses the business finance currency when one is set', async () => {
    const invoiceId = await insertInvoice(t.db, { businessId: other.businessId, clientId: other.clientId, amountCents: 2000 });
    await t.db.sql`UPDATE businesses SET settings = jsonb_set(settings, '{finance,currency}', '"EUR"') WHERE id = ${other.businessId}`;
    const res = await checkout(invoiceId, await t.tokenFor(other.clientUserId));
    expect(res.status).toBe(200);
    expect(stripe.sessions.get(res.body.sessionId)!.currency).toBe('eur');
    expect(sessionCreates()[0].params.metadata.businessId).toBe(other.businessId);
  });

  test('staff of the business are refused (invoices are admin-only, POLICY 4), and Stripe is not called', async () => {
    const invoiceId = await insertInvoice(t.db);
    const staff = await t.login(DEMO.staff1.email, DEMO.staff1.password);
    const res = await checkout(invoiceId, staff);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden: admin access required' });
    expect(stripe.requests).toHaveLength(0);
  });

  test('a client or admin of another business is refused with the legacy 403, and Stripe is not called', async () => {
    const invoiceId = await insertInvoice(t.db);
    for (const userId of [other.clientUserId, other.adminUserId]) {
      const res = await checkout(invoiceId, await t.tokenFor(userId));
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: "forbidden: cannot access other businesses' invoices" });
    }
    expect(stripe.requests).toHaveLength(0);
    expect((await invoiceState(t.db, invoiceId)).checkoutSessionId).toBeNull();
  });

  test('another client of the same business is refused', async () => {
    await t.db.sql`INSERT INTO clients (id, business_id, name, email) VALUES ('c_second', 'biz_demo', 'Second', 'second@client.com')`;
    await t.db.sql`INSERT INTO users (id, business_id, role, email, crm_client_id) VALUES ('u_second', 'biz_demo', 'client', 'second@client.com', 'c_second')`;
    const invoiceId = await insertInvoice(t.db);
    const res = await checkout(invoiceId, await t.tokenFor('u_second'));
    expect(res.status).toBe(403);
    expect(stripe.requests).toHaveLength(0);
  });

  test('no login → 401, unknown invoice → 404', async () => {
    const invoiceId = await insertInvoice(t.db);
    expect(await checkout(invoiceId)).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    expect(await checkout('inv_doesnotexist', clientToken)).toMatchObject({ status: 404, body: { error: 'Invoice not found' } });
    expect(stripe.requests).toHaveLength(0);
  });

  test('an invoice already paid answers 400 and Stripe is not called', async () => {
    const invoiceId = await insertInvoice(t.db, { status: 'PAID', paidAt: new Date(), paymentMethod: 'cash' });
    const res = await checkout(invoiceId, clientToken);
    expect(res).toMatchObject({ status: 400, body: { error: 'Invoice has already been marked as paid' } });
    expect(stripe.requests).toHaveLength(0);
  });

  test('a session already paid on Stripe, webhook still on its way, answers 400 instead of taking a second payment', async () => {
    const invoiceId = await insertInvoice(t.db);
    const { sessionId } = (await checkout(invoiceId, clientToken)).body;
    stripe.pay(sessionId);
    const res = await checkout(invoiceId, clientToken);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('already been made');
    expect(sessionCreates()).toHaveLength(1);
  });

  test('marked paid by hand while Stripe creates the session: 400, the session is not kept', async () => {
    const invoiceId = await insertInvoice(t.db);
    stripe.duringCreate = async () => {
      await t.db.sql`UPDATE invoices SET status = 'PAID', paid_at = now(), payment_method = 'cash' WHERE id = ${invoiceId}`;
    };
    const res = await checkout(invoiceId, clientToken);
    expect(res).toMatchObject({ status: 400, body: { error: 'Invoice has already been marked as paid' } });
    expect(sessionCreates()).toHaveLength(1);
    expect(await invoiceState(t.db, invoiceId)).toMatchObject({ status: 'PAID', paymentMethod: 'cash', checkoutSessionId: null });
  });

  test('a Stripe failure answers 502 with a clear error and changes nothing', async () => {
    const invoiceId = await insertInvoice(t.db);
    stripe.failing = true;
    const res = await checkout(invoiceId, clientToken);
    expect(res.status).toBe(502);
    expect(res.body.error).toMatch(/^Payment provider error/);
    expect(await invoiceState(t.db, invoiceId)).toEqual({
      status: 'UNPAID', paidAt: null, paymentMethod: null, checkoutSessionId: null, paymentIntentId: null,
    });
  });
});

describe('pay links', () => {
  test('PUBLIC_BASE_URL/pay/<token>: deterministic, invoice-scoped, no personal data, no expiry', async () => {
    const invoiceId = await insertInvoice(t.db);
    const link = await payLink(invoiceId);
    expect(link).toStartWith(`${PUBLIC_BASE_URL}/pay/`);
    expect(await payLink(invoiceId)).toBe(link);
    const token = link.split('/pay/')[1];
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256' });
    expect(decodeJwt(token)).toEqual({ inv: invoiceId, aud: 'pawtimation:pay' });
    expect(await payLink(await insertInvoice(t.db))).not.toBe(link);
  });

  test('GET redirects (303) to the Checkout Session, reusing it on the next visit', async () => {
    const invoiceId = await insertInvoice(t.db);
    const path = await payPath(invoiceId);
    const first = await t.call('GET', path);
    expect(first.status).toBe(303);
    const session = stripe.sessions.get((await invoiceState(t.db, invoiceId)).checkoutSessionId!)!;
    expect(first.headers.get('location')).toBe(session.url!);
    expect(session.metadata).toEqual({ invoiceId, clientId: 'c_demo_client', businessId: 'biz_demo' });
    expect((await t.call('GET', path)).headers.get('location')).toBe(session.url!);
    expect(sessionCreates()).toHaveLength(1);
  });

  test('a tampered or foreign token is not a pay link, and a pay token is no login token', async () => {
    const invoiceId = await insertInvoice(t.db);
    const path = await payPath(invoiceId);
    const forged = path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA');
    const res = await t.call('GET', forged);
    expect(res.status).toBe(404);
    expect(res.text).toContain('Payment link not valid');
    expect((await t.call('GET', `/pay/${adminToken}`)).status).toBe(404);
    expect((await t.call('GET', `${forged}/status`)).body).toEqual({ error: 'Invoice not found' });
    expect((await t.call('GET', '/api/auth/me', { token: path.split('/pay/')[1] })).status).toBe(401);
    expect(stripe.requests).toHaveLength(0);
  });

  test('a paid invoice shows as paid instead of opening Checkout', async () => {
    const invoiceId = await insertInvoice(t.db, { status: 'PAID', paidAt: new Date(), paymentMethod: 'bank_transfer' });
    const res = await t.call('GET', await payPath(invoiceId));
    expect(res.status).toBe(200);
    expect(res.text).toContain('Invoice paid');
    expect(res.text).toContain('PAID');
    expect(stripe.requests).toHaveLength(0);
  });

  test('a Stripe failure shows a 502 page with a way to try again, nothing stored', async () => {
    const invoiceId = await insertInvoice(t.db);
    const path = await payPath(invoiceId);
    stripe.failing = true;
    const res = await t.call('GET', path);
    expect(res.status).toBe(502);
    expect(res.text).toContain('Payment provider error');
    expect(res.text).toContain(`href="${path}"`);
    expect((await invoiceState(t.db, invoiceId)).checkoutSessionId).toBeNull();
  });
});

describe('return pages and status', () => {
  test('success page: branded, "Payment received", polls the status, links to the frontend; the invoice stays unpaid', async () => {
    const invoiceId = await insertInvoice(t.db);
    const path = await payPath(invoiceId);
    const res = await t.call('GET', `${path}/success`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.text).toContain('Payment received');
    expect(res.text).toContain('Demo Dog Walking');
    expect(res.text).toContain('background:#00a58a');
    expect(res.text).toContain(`href="${FRONTEND_BASE_URL}"`);
    expect(res.text).toContain(JSON.stringify(`${path}/status`));
    expect(res.text).toContain('Waiting for confirmation');
    expect((await invoiceState(t.db, invoiceId)).status).toBe('UNPAID');
    expect(await t.call('GET', `${path}/status`)).toMatchObject({ status: 200, body: { status: 'unpaid' } });

    await t.db.sql`UPDATE invoices SET status = 'PAID', paid_at = now(), payment_method = 'cash' WHERE id = ${invoiceId}`;
    expect((await t.call('GET', `${path}/status`)).body).toEqual({ status: 'paid' });
    expect((await t.call('GET', `${path}/success`)).text).toContain('class="status paid">PAID<');
  });

  test('cancel page says "Payment cancelled" and offers to try again', async () => {
    const invoiceId = await insertInvoice(t.db);
    const path = await payPath(invoiceId);
    const res = await t.call('GET', `${path}/cancelled`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Payment cancelled');
    expect(res.text).toContain(`href="${path}"`);
    expect((await invoiceState(t.db, invoiceId)).status).toBe('UNPAID');
  });

  test('business name and colour from settings are escaped', async () => {
    const evil = await insertOtherBusiness(t.db, '<script>alert("x")</script> & Co');
    await t.db.sql`UPDATE businesses SET settings = jsonb_set(settings, '{branding,primaryColor}', '"red;}</style><script>alert(1)</script>"') WHERE id = ${evil.businessId}`;
    const invoiceId = await insertInvoice(t.db, { businessId: evil.businessId, clientId: evil.clientId });
    const res = await t.call('GET', `${await payPath(invoiceId)}/success`);
    expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).toContain('background:#00a58a');

    await t.db.sql`UPDATE businesses SET settings = jsonb_set(settings, '{branding,primaryColor}', '"#123abc"') WHERE id = ${evil.businessId}`;
    expect((await t.call('GET', `${await payPath(invoiceId)}/cancelled`)).text).toContain('background:#123abc');
  });
});
