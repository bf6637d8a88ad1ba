// The signed, idempotent Stripe webhook (issue 7): real stripe SDK against a local fake Stripe,
// events signed with generateTestHeaderStringAsync, the database state the revenue figures read.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import type Stripe from 'stripe';
import type { RealtimeEvent } from '../src/services/realtime';
import { createTestApp, DEMO, type TestApp } from './support/app';
import { signedDelivery, startFakeStripe, stripeEvent, type FakeSession, type FakeStripe } from './support/fake-stripe';
import { insertInvoice, invoiceState, paidRevenue } from './support/payment-fixtures';

let t: TestApp;
let stripe: FakeStripe;
let clientToken: string;
let secret: string;
const emitted: { businessId: string; event: RealtimeEvent; payload: Record<string, unknown> }[] = [];

beforeAll(async () => {
  stripe = startFakeStripe();
  t = await createTestApp({ STRIPE_API_URL: stripe.url }, (deps) => ({
    ...deps,
    realtime: { emit: (businessId, event, payload) => emitted.push({ businessId, event, payload }) },
  }));
  clientToken = await t.login(DEMO.client.email, DEMO.client.password);
  secret = t.deps.config.stripeWebhookSecret;
}, 60_000); // the first file of a run migrates the template database
afterAll(async () => {
  stripe.close();
  await t.close();
});
beforeEach(() => {
  emitted.length = 0;
});

const deliver = async (event: Stripe.Event, timestamp?: number) => {
  const { raw, headers } = await signedDelivery(event, secret, timestamp);
  return t.call('POST', '/api/webhooks/stripe', { raw, headers });
};

/** an invoice with a Checkout Session opened by its client and paid on Stripe's page */
async function paidCheckout(amountCents = 4500): Promise<{ invoiceId: string; session: FakeSession }> {
  const invoiceId = await insertInvoice(t.db, { amountCents });
  const res = await t.call('POST', `/api/invoices/${invoiceId}/checkout`, { token: clientToken });
  expect(res.status).toBe(200);
  return { invoiceId, session: stripe.pay(res.body.sessionId) };
}

const completed = (session: FakeSession) => stripeEvent('checkout.session.completed', session);
const eventRows = async (invoiceId: string) => [
  ...(await t.db.sql<{ id: string; type: string; outcome: string }[]>`
    SELECT id, type, outcome FROM stripe_events WHERE invoice_id = ${invoiceId} ORDER BY received_at`),
];
const UNTOUCHED = { status: 'UNPAID', paidAt: null, paymentMethod: null, paymentIntentId: null };

describe('POST /api/webhooks/stripe', () => {
  test('happy path: checkout, paid on Stripe, signed webhook → PAID by card once, events emitted, revenue moves', async () => {
    const before = await paidRevenue(t.db);
    const { invoiceId, session } = await paidCheckout(4500);
    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);

    const dbNow = async () => (await t.db.sql<{ now: Date }[]>`SELECT now()`)[0].now;
    const deliveredAfter = await dbNow();
    const res = await deliver(completed(session));
    expect(res).toMatchObject({ status: 200, body: { received: true } });
    const deliveredBefore = await dbNow();

    const state = await invoiceState(t.db, invoiceId);
    expect(state).toMatchObject({ status: 'PAID', paymentMethod: 'card', checkoutSessionId: session.id, paymentIntentId: session.payment_intent as string });
    expect(state.paidAt!.getTime()).toBeGreaterThanOrEqual(deliveredAfter.getTime());
    expect(state.paidAt!.getTime()).toBeLessThanOrEqual(deliveredBefore.getTime());
    expect(await paidRevenue(t.db)).toEqual({
      totalCents: before.totalCents + 4500,
      thisMonthCents: before.thisMonthCents + 4500,
      paidInvoices: before.paidInvoices + 1,
    });
    expect(emitted).toEqual([
      { businessId: 'biz_demo', event: 'invoice:updated', payload: { invoiceId, status: 'PAID' } },
      { businessId: 'biz_demo', event: 'stats:changed', payload: { scope: 'all' } },
    ]);
    expect(await eventRows(invoiceId)).toEqual([{ id: expect.stringMatching(/^evt_/), type: 'checkout.session.completed', outcome: 'paid' }]);

    const path = new URL(session.success_url!).pathname.replace(/\/success$/, '/status');
    expect((await t.call('GET', path)).body).toEqual({ status: 'paid' });
  });

  test('the same event delivered twice changes nothing the second time', async () => {
    const { invoiceId, session } = await paidCheckout();
    const event = completed(session);
    expect((await deliver(event)).status).toBe(200);
    const first = await invoiceState(t.db, invoiceId);
    emitted.length = 0;

    expect(await deliver(event)).toMatchObject({ status: 200, body: { received: true } });
    expect(await invoiceState(t.db, invoiceId)).toEqual(first);
    expect(emitted).toEqual([]);
    expect(await eventRows(invoiceId)).toEqual([expect.objectContaining({ outcome: 'paid' })]);
  });

  test('two deliveries in parallel apply it once', async () => {
    const before = await paidRevenue(t.db);
    const { invoiceId, session } = await paidCheckout(3000);
    const event = completed(session);
    const results = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);

    expect((await invoiceState(t.db, invoiceId)).status).toBe('PAID');
    expect(await eventRows(invoiceId)).toEqual([expect.objectContaining({ outcome: 'paid' })]);
    expect(emitted.filter((e) => e.event === 'invoice:updated')).toHaveLength(1);
    expect((await paidRevenue(t.db)).totalCents).toBe(before.totalCents + 3000);
  });

  test('two different paid events for one invoice in parallel: paid once, the other recorded as already paid', async () => {
    const { invoiceId, session } = await paidCheckout();
    const [a, b] = await Promise.all([deliver(completed(session)), deliver(stripeEvent('checkout.session.async_payment_succeeded', session))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const outcomes = (await eventRows(invoiceId)).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['already_paid', 'paid']);
    expect(emitted.filter((e) => e.event === 'invoice:updated')).toHaveLength(1);
  });

  test('a bad signature answers 400 and changes nothing', async () => {
    const { invoiceId, session } = await paidCheckout();
    const event = completed(session);
    const { raw, headers } = await signedDelivery(event, 'whsec_someone_else');
    expect(await t.call('POST', '/api/webhooks/stripe', { raw, headers })).toMatchObject({ status: 400, body: { error: 'Invalid Stripe signature' } });

    const signed = await signedDelivery(event, secret);
    const tampered = signed.raw.replace('"amount_total": 4500', '"amount_total": 1');
    expect(tampered).not.toBe(signed.raw);
    expect((await t.call('POST', '/api/webhooks/stripe', { raw: tampered, headers: signed.headers })).status).toBe(400);
    expect((await t.call('POST', '/api/webhooks/stripe', { raw: signed.raw, headers: { 'content-type': 'application/json' } })).status).toBe(400);

    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);
    expect(await eventRows(invoiceId)).toEqual([]);
    expect(emitted).toEqual([]);
  });

  test('a stale signature timestamp answers 400 and changes nothing', async () => {
    const { invoiceId, session } = await paidCheckout();
    const res = await deliver(completed(session), Math.floor(Date.now() / 1000) - 3600);
    expect(res.status).toBe(400);
    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);
    expect(await eventRows(invoiceId)).toEqual([]);
  });

  test('a paid amount that differs from the invoice: logged, 200, invoice untouched', async () => {
    const { invoiceId, session } = await paidCheckout(4500);
    const res = await deliver(completed({ ...session, amount_total: 1500 }));
    expect(res).toMatchObject({ status: 200, body: { received: true } });
    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);
    expect(await eventRows(invoiceId)).toEqual([expect.objectContaining({ outcome: 'amount_mismatch' })]);
    expect(emitted).toEqual([]);
  });

  test('a paid currency that differs from the business currency: 200, invoice untouched', async () => {
    const { invoiceId, session } = await paidCheckout();
    expect((await deliver(completed({ ...session, currency: 'usd' }))).status).toBe(200);
    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);
    expect(await eventRows(invoiceId)).toEqual([expect.objectContaining({ outcome: 'currency_mismatch' })]);
  });

  test('an unknown invoice: logged, 200, nothing changed', async () => {
    const { invoiceId, session } = await paidCheckout();
    const metadata = { ...session.metadata, invoiceId: 'inv_doesnotexist' };
    const before = await paidRevenue(t.db);
    const res = await deliver(completed({ ...session, metadata, client_reference_id: 'inv_doesnotexist' }));
    expect(res).toMatchObject({ status: 200, body: { received: true } });
    expect(await eventRows('inv_doesnotexist')).toEqual([expect.objectContaining({ outcome: 'unknown_invoice' })]);
    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);
    expect(await paidRevenue(t.db)).toEqual(before);
    expect(emitted).toEqual([]);
  });

  test('metadata naming another business than the invoice is treated as unknown', async () => {
    const { invoiceId, session } = await paidCheckout();
    expect((await deliver(completed({ ...session, metadata: { ...session.metadata, businessId: 'biz_other' } }))).status).toBe(200);
    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);
  });

  test('an invoice already marked paid by hand stays as it was, without failing', async () => {
    const { invoiceId, session } = await paidCheckout();
    const paidByHand = new Date('2026-11-20T09:30:00.000Z');
    await t.db.sql`UPDATE invoices SET status = 'PAID', paid_at = ${paidByHand}, payment_method = 'cash' WHERE id = ${invoiceId}`;
    const res = await deliver(completed(session));
    expect(res).toMatchObject({ status: 200, body: { received: true } });
    expect(await invoiceState(t.db, invoiceId)).toMatchObject({ status: 'PAID', paidAt: paidByHand, paymentMethod: 'cash', paymentIntentId: null });
    expect(await eventRows(invoiceId)).toEqual([expect.objectContaining({ outcome: 'already_paid' })]);
    expect(emitted).toEqual([]);
  });

  test('completed but not yet paid (async method) waits; async_payment_succeeded marks it paid', async () => {
    const { invoiceId, session } = await paidCheckout();
    const processing = { ...session, payment_status: 'unpaid' as const };
    expect((await deliver(completed(processing))).status).toBe(200);
    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);

    expect((await deliver(stripeEvent('checkout.session.async_payment_succeeded', session))).status).toBe(200);
    expect(await invoiceState(t.db, invoiceId)).toMatchObject({ status: 'PAID', paymentMethod: 'card' });
  });

  test('other event types are acknowledged and ignored', async () => {
    const { invoiceId, session } = await paidCheckout();
    expect(await deliver(stripeEvent('checkout.session.expired', session))).toMatchObject({ status: 200, body: { received: true } });
    expect(await invoiceState(t.db, invoiceId)).toMatchObject(UNTOUCHED);
    expect(await eventRows(invoiceId)).toEqual([]);
  });
});
