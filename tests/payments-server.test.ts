// The payment flow through a real server process (Bun.serve, the production entry): the pay link
// redirects to Checkout and the webhook's raw body reaches the signature check untouched.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { connect, type Db } from '../src/db/client';
import { payLinkFor } from '../src/services/payments/pay-links';
import { DEMO } from './support/app';
import { testConfig } from './support/config';
import { signedDelivery, startFakeStripe, stripeEvent, type FakeStripe } from './support/fake-stripe';
import { insertInvoice, invoiceState } from './support/payment-fixtures';
import { seededDatabaseUrl } from './support/postgres';
import { startServerProcess, type ServerProcess } from './support/server-process';

let stripe: FakeStripe;
let server: ServerProcess;
let db: Db;
let env: Record<string, string>;
let databaseUrl: string;

beforeAll(async () => {
  stripe = startFakeStripe();
  databaseUrl = await seededDatabaseUrl();
  db = connect(databaseUrl, { max: 2 });
  env = { STRIPE_API_URL: stripe.url, PUBLIC_BASE_URL: 'https://api.pawtimation.test' };
  server = await startServerProcess(databaseUrl, env);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  stripe.close();
  await db?.close();
});

test('pay link → Checkout → signed webhook over HTTP → PAID once', async () => {
  const invoiceId = await insertInvoice(db, { amountCents: 2500 });
  const link = await payLinkFor(testConfig(databaseUrl, env), invoiceId);

  const redirect = await fetch(`${server.base}${new URL(link).pathname}`, { redirect: 'manual' });
  expect(redirect.status).toBe(303);
  const { checkoutSessionId } = await invoiceState(db, invoiceId);
  expect(redirect.headers.get('location')).toBe(stripe.sessions.get(checkoutSessionId!)!.url!);
  expect(stripe.sessions.get(checkoutSessionId!)!.amount_total).toBe(2500);

  const event = stripeEvent('checkout.session.completed', stripe.pay(checkoutSessionId!));
  const { raw, headers } = await signedDelivery(event, testConfig(databaseUrl, env).stripeWebhookSecret);
  for (let delivery = 0; delivery < 2; delivery++) {
    const res = await fetch(`${server.base}/api/webhooks/stripe`, { method: 'POST', body: raw, headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
  }
  expect(await invoiceState(db, invoiceId)).toMatchObject({ status: 'PAID', paymentMethod: 'card', checkoutSessionId });
  const [{ n }] = await db.sql`SELECT count(*)::int AS n FROM stripe_events WHERE id = ${event.id}`;
  expect(n).toBe(1);

  // a client can start the same flow from the app with its login
  const login = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO.client),
  });
  const { token } = (await login.json()) as { token: string };
  const paid = await fetch(`${server.base}/api/invoices/${invoiceId}/checkout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  expect(paid.status).toBe(400);
});
