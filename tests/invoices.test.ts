// /api/invoice-items/pending and /api/invoices/* through HTTP against a real database.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { payLinkFor } from '../src/services/payments/pay-links';
import { createTestApp, DEMO, type TestApp } from './support/app';
import { completedJobWithItem, createClient, createJob, DEMO_CLIENT, otherBusiness } from './support/billing-fixtures';

let t: TestApp;
let admin: string;
let admin2: string;
let staff: string;
let client: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO.admin.email, DEMO.admin.password);
  [admin2, staff, client] = await Promise.all(['u_pawtimation_admin', 'u_demo_staff1', 'u_demo_client'].map((id) => t.tokenFor(id)));
}, 60_000);
afterAll(() => t.close());

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function itemRow(itemId: string) {
  const [row] = await t.db.sql`SELECT status, invoice_id, billed_at FROM invoice_items WHERE id = ${itemId}`;
  return row;
}

const invoiceCount = async () => (await t.db.sql`SELECT count(*)::int AS n FROM invoices`)[0].n as number;

async function generate(token: string, clientId: string, itemIds: unknown[]) {
  return t.call('POST', '/api/invoices/generate', { token, body: { clientId, itemIds } });
}

/** a fresh client with completed jobs and their pending items */
async function clientWithItems(name: string, starts: string[], spec: { serviceName?: string; priceCents?: number } = {}) {
  const clientId = await createClient(t, name, { email: `${name.split(' ')[0].toLowerCase()}@example.com`, phone: '07700 900777' });
  const items: string[] = [];
  for (const start of starts) items.push((await completedJobWithItem(t, { clientId, start, ...spec })).itemId);
  return { clientId, items };
}

describe('GET /api/invoice-items/pending', () => {
  test('groups PENDING items by client in creation order, full item entities', async () => {
    const martin = await createClient(t, 'Martin Pending');
    const a = await completedJobWithItem(t, { clientId: martin, start: '2030-03-04T09:00:00.000Z' });
    const d = await completedJobWithItem(t, { clientId: DEMO_CLIENT, start: '2030-09-05T10:00:00', serviceName: '60min Dog Walk' });
    const b = await completedJobWithItem(t, { clientId: martin, start: '2030-03-06T11:00:00.000Z', priceCents: 1750 });

    const res = await t.call('GET', '/api/invoice-items/pending', { token: admin });
    expect(res.status).toBe(200);
    const groups = res.body.filter((g: { clientId: string }) => g.clientId === martin || g.clientId === DEMO_CLIENT);
    expect(groups.map((g: { clientName: string }) => g.clientName)).toEqual(['Martin Pending', 'Demo Client']);
    expect(groups[0].items.map((i: { id: string }) => i.id)).toEqual([a.itemId, b.itemId]);
    expect(groups[1].items.map((i: { id: string }) => i.id)).toEqual([d.itemId]);
    const item = groups[0].items[0];
    expect(Object.keys(item)).toEqual(['id', 'jobId', 'clientId', 'businessId', 'description', 'quantity', 'priceCents', 'date', 'status', 'createdAt']);
    expect(item).toMatchObject({
      jobId: a.jobId,
      clientId: martin,
      businessId: 'biz_demo',
      description: '30min Dog Walk (4 Mar)',
      quantity: 1,
      priceCents: 1500,
      date: '2030-03-04T09:00:00.000Z',
      status: 'PENDING',
    });
    expect(item.createdAt).toMatch(ISO);
    expect(groups[1].items[0]).toMatchObject({ description: '60min Dog Walk (5 Sept)', priceCents: 2500, date: '2030-09-05T10:00:00' });
    expect(groups[0].items[1].priceCents).toBe(1750);
  });

  test('admin-only (POLICY 4): staff and clients get 403, no token 401, other businesses see only theirs', async () => {
    for (const token of [staff, client]) {
      expect(await t.call('GET', '/api/invoice-items/pending', { token })).toMatchObject({
        status: 403,
        body: { error: 'forbidden: admin access required' },
      });
    }
    expect(await t.call('GET', '/api/invoice-items/pending')).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    const other = await otherBusiness(t);
    const res = await t.call('GET', '/api/invoice-items/pending', { token: other.token });
    expect(res.body).toEqual([{ clientId: other.clientId, clientName: 'Other Client', items: [expect.objectContaining({ id: other.itemId })] }]);
  });
});

describe('POST /api/invoices/generate', () => {
  test('bills the items in request order and answers the full invoice entity', async () => {
    const { clientId, items } = await clientWithItems('Greta Gen', ['2030-03-04T09:00:00.000Z', '2030-03-05T10:00:00.000Z']);
    await t.db.sql`UPDATE invoice_items SET price_cents = 2500, description = '60min Dog Walk (5 Mar)' WHERE id = ${items[1]}`;
    const res = await generate(admin, clientId, [items[1], items[0]]);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const invoice = res.body.invoice;
    expect(Object.keys(invoice)).toEqual([
      'id', 'businessId', 'clientId', 'jobId', 'amountCents', 'status', 'createdAt', 'sentToClient', 'paidAt', 'paymentMethod', 'paymentUrl', 'meta',
    ]);
    expect(invoice.id).toMatch(/^inv_[0-9a-z]{12}$/);
    expect(invoice).toMatchObject({
      businessId: 'biz_demo',
      clientId,
      jobId: null,
      amountCents: 4000,
      status: 'UNPAID',
      sentToClient: null,
      paidAt: null,
      paymentMethod: null,
    });
    // the working pay link of the payments area: PUBLIC_BASE_URL/pay/<token for this invoice>
    expect(invoice.paymentUrl).toBe(await payLinkFor(t.deps.config, invoice.id));
    expect(invoice.paymentUrl).toStartWith('http://localhost:8787/pay/');
    expect(invoice.createdAt).toMatch(ISO);
    expect(invoice.meta.items).toEqual([
      { id: items[1], description: '60min Dog Walk (5 Mar)', quantity: 1, amount: 2500, date: '2030-03-05T10:00:00.000Z' },
      { id: items[0], description: '30min Dog Walk (4 Mar)', quantity: 1, amount: 1500, date: '2030-03-04T09:00:00.000Z' },
    ]);
    expect(Object.keys(invoice.meta.items[0])).toEqual(['id', 'description', 'quantity', 'amount', 'date']);
    for (const id of items) expect(await itemRow(id)).toMatchObject({ status: 'BILLED', invoice_id: invoice.id });
    expect((await itemRow(items[0])).billed_at).toBeInstanceOf(Date);

    // billed items are refused afterwards, and nothing is written
    const before = await invoiceCount();
    expect(await generate(admin, clientId, [items[0]])).toMatchObject({ status: 400, body: { error: 'Can only invoice PENDING items' } });
    expect(await invoiceCount()).toBe(before);
  });

  test('validation errors: legacy messages, decided by the first failing item in request order, nothing written', async () => {
    const { clientId, items } = await clientWithItems('Vera Valid', ['2030-04-01T09:00:00Z']);
    const other = await otherBusiness(t);
    const demoItem = (await completedJobWithItem(t, { clientId: DEMO_CLIENT })).itemId;
    const before = await invoiceCount();
    const required = { status: 400, body: { error: 'clientId and itemIds (array) are required' } };

    expect(await t.call('POST', '/api/invoices/generate', { token: admin, body: { clientId } })).toMatchObject(required);
    expect(await generate(admin, clientId, [])).toMatchObject(required);
    expect(await t.call('POST', '/api/invoices/generate', { token: admin, body: { clientId, itemIds: items[0] } })).toMatchObject(required);
    expect(await generate(admin, '', items)).toMatchObject(required);
    // legacy crashed (500) on a missing body: POLICY 2, the same 400 as an empty one
    expect(await t.call('POST', '/api/invoices/generate', { token: admin })).toMatchObject(required);
    expect(await t.call('POST', '/api/invoices/generate', { token: admin, body: null })).toMatchObject(required);

    expect(await generate(admin, clientId, ['item_does_not_exist'])).toMatchObject({ status: 404, body: { error: 'One or more items not found' } });
    expect(await generate(admin, clientId, [items[0], 42])).toMatchObject({ status: 404, body: { error: 'One or more items not found' } });
    expect(await generate(admin, clientId, [other.itemId, items[0]])).toMatchObject({
      status: 403,
      body: { error: 'forbidden: items do not belong to your business' },
    });
    expect(await generate(admin, clientId, [demoItem])).toMatchObject({ status: 400, body: { error: 'All items must belong to the same client' } });
    // order decides: the client mismatch comes before the unknown id
    expect(await generate(admin, clientId, [demoItem, 'item_nope'])).toMatchObject({ status: 400, body: { error: 'All items must belong to the same client' } });
    expect(await generate(admin, clientId, ['item_nope', demoItem])).toMatchObject({ status: 404 });

    expect(await invoiceCount()).toBe(before);
    expect(await itemRow(items[0])).toMatchObject({ status: 'PENDING', invoice_id: null });
  });

  test('a repeated item id is billed once', async () => {
    const { clientId, items } = await clientWithItems('Derek Dup', ['2030-05-01T09:00:00Z', '2030-05-02T09:00:00Z']);
    const res = await generate(admin, clientId, [items[0], items[1], items[0]]);
    expect(res.status).toBe(200);
    expect(res.body.invoice.amountCents).toBe(3000);
    expect(res.body.invoice.meta.items.map((i: { id: string }) => i.id)).toEqual([items[0], items[1]]);
  });

  test('concurrent requests for the same items produce one invoice and bill each item once', async () => {
    const { clientId, items } = await clientWithItems('Connie Current', ['2030-06-01T09:00:00Z', '2030-06-02T09:00:00Z', '2030-06-03T09:00:00Z']);
    const bodies = [items, [items[0], items[0]], [items[2], items[1]], items, [items[1], items[2], items[0]]];
    const results = await Promise.all(bodies.map((ids, i) => generate(i % 2 ? admin2 : admin, clientId, ids)));

    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    const billed = ok.flatMap((r) => r.body.invoice.meta.items.map((i: { id: string }) => i.id));
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(billed).size).toBe(billed.length);
    expect([...billed].sort()).toEqual([...items].sort());
    for (const r of refused) expect(r).toMatchObject({ status: 400, body: { error: 'Can only invoice PENDING items' } });

    const invoices = await t.db.sql`SELECT id, amount_cents FROM invoices WHERE client_id = ${clientId}`;
    expect(invoices.length).toBe(ok.length);
    const rows = await t.db.sql`SELECT id, status, invoice_id FROM invoice_items WHERE id = ANY(${items})`;
    expect(rows.every((r) => r.status === 'BILLED')).toBe(true);
    // every invoice's amount is exactly its own items, and no item sits on two invoices
    for (const inv of invoices) {
      const own = rows.filter((r) => r.invoice_id === inv.id).length;
      expect(inv.amount_cents).toBe(own * 1500);
    }
    expect(invoices.reduce((sum, inv) => sum + inv.amount_cents, 0)).toBe(4500);
  });

  test('two identical generate calls at once: exactly one invoice', async () => {
    const { clientId, items } = await clientWithItems('Twin Click', ['2030-07-01T09:00:00Z', '2030-07-02T09:00:00Z']);
    const [a, b] = await Promise.all([generate(admin, clientId, items), generate(admin, clientId, items)]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect((await t.db.sql`SELECT count(*)::int AS n FROM invoices WHERE client_id = ${clientId}`)[0].n).toBe(1);
  });

  test('staff (admin-only, POLICY 4) and clients may not generate; no token is 401; nothing is billed', async () => {
    const { clientId, items } = await clientWithItems('Stan Staff', ['2030-08-01T09:00:00Z']);
    for (const token of [client, staff]) {
      expect(await generate(token, clientId, items)).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
    }
    expect((await t.call('POST', '/api/invoices/generate', { body: { clientId, itemIds: items } })).status).toBe(401);
    const statuses = await t.db.sql`SELECT status FROM invoice_items WHERE id = ANY(${items})`;
    expect(statuses.map((r) => r.status)).toEqual(['PENDING']);
  });
});

describe('invoice list, detail and updates', () => {
  let invoiceId: string;
  let clientId: string;

  beforeAll(async () => {
    const made = await clientWithItems('Martin Hughes', ['2030-03-04T09:00:00.000Z', '2030-03-05T10:00:00.000Z']);
    clientId = made.clientId;
    invoiceId = (await generate(admin, clientId, made.items)).body.invoice.id;
  });

  test('GET /api/invoices/list: the business invoices in creation order, lower-cased status', async () => {
    const res = await t.call('GET', '/api/invoices/list', { token: admin2 });
    expect(res.status).toBe(200);
    const row = res.body.find((r: { invoiceId: string }) => r.invoiceId === invoiceId);
    expect(Object.keys(row)).toEqual([
      'invoiceId', 'clientName', 'clientEmail', 'clientPhone', 'total', 'status', 'dueDate', 'createdAt', 'sentToClient', 'paidAt', 'paymentMethod',
    ]);
    expect(row).toMatchObject({
      clientName: 'Martin Hughes',
      clientEmail: 'martin@example.com',
      clientPhone: '07700 900777',
      total: 3000,
      status: 'unpaid',
      sentToClient: null,
      paidAt: null,
      paymentMethod: null,
    });
    expect(row.dueDate).toBe(row.createdAt);
    const [{ ids }] = await t.db.sql`SELECT array_agg(id ORDER BY seq) AS ids FROM invoices WHERE business_id = 'biz_demo'`;
    expect(res.body.map((r: { invoiceId: string }) => r.invoiceId)).toEqual(ids);

    expect(await t.call('GET', '/api/invoices/list', { token: client })).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
    const other = await otherBusiness(t);
    expect((await t.call('GET', '/api/invoices/list', { token: other.token })).body).toEqual([]);
  });

  test('GET /api/invoices/:invoiceId: detail with items; 404 and cross-business 403', async () => {
    const res = await t.call('GET', `/api/invoices/${invoiceId}`, { token: admin });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual([
      'invoiceId', 'invoiceNumber', 'clientName', 'clientEmail', 'clientPhone', 'total', 'status', 'dueDate', 'items', 'createdAt', 'paidAt',
    ]);
    expect(res.body).toMatchObject({ invoiceId, invoiceNumber: invoiceId.slice(4), clientName: 'Martin Hughes', total: 3000, status: 'unpaid', paidAt: null });
    expect(res.body.items).toEqual([
      expect.objectContaining({ description: '30min Dog Walk (4 Mar)', amount: 1500, date: '2030-03-04T09:00:00.000Z' }),
      expect.objectContaining({ description: '30min Dog Walk (5 Mar)', amount: 1500 }),
    ]);

    expect(await t.call('GET', '/api/invoices/inv_does_not_exist', { token: admin })).toMatchObject({ status: 404, body: { error: 'Invoice not found' } });
    const other = await otherBusiness(t);
    expect(await t.call('GET', `/api/invoices/${invoiceId}`, { token: other.token })).toMatchObject({
      status: 403,
      body: { error: "forbidden: cannot access other businesses' invoices" },
    });
    expect(await t.call('GET', `/api/invoices/${invoiceId}`, { token: client })).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
    expect(await t.call('GET', `/api/invoices/by-client/${clientId}`, { token: admin })).toMatchObject({ status: 404, body: { error: 'Not found' } });
  });

  test('an invoice without meta.items (not made by generate) shows one fallback line', async () => {
    const jobId = await createJob(t, { start: '2030-03-04T09:00:00.000Z' });
    await t.db.sql`INSERT INTO invoices (id, business_id, client_id, job_id, amount_cents, payment_url) VALUES ('inv_fallback0001', 'biz_demo', ${DEMO_CLIENT}, ${jobId}, 1500, 'x')`;
    await t.db.sql`INSERT INTO invoices (id, business_id, client_id, amount_cents, payment_url) VALUES ('inv_fallback0002', 'biz_demo', ${DEMO_CLIENT}, 900, 'x')`;
    expect((await t.call('GET', '/api/invoices/inv_fallback0001', { token: admin })).body.items).toEqual([{ description: 'Service on 3/4/2030', amount: 1500 }]);
    expect((await t.call('GET', '/api/invoices/inv_fallback0002', { token: admin })).body.items).toEqual([{ description: 'Service', amount: 900 }]);
  });

  test('mark-sent stamps sentToClient once; the status stays', async () => {
    const other = await otherBusiness(t);
    expect(await t.call('POST', `/api/invoices/${invoiceId}/mark-sent`, { token: other.token })).toMatchObject({
      status: 403,
      body: { error: "forbidden: cannot update other businesses' invoices" },
    });
    expect(await t.call('POST', '/api/invoices/inv_does_not_exist/mark-sent', { token: admin })).toMatchObject({ status: 404, body: { error: 'Invoice not found' } });

    const res = await t.call('POST', `/api/invoices/${invoiceId}/mark-sent`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.invoice).toMatchObject({ id: invoiceId, status: 'UNPAID', paymentMethod: null });
    expect(res.body.invoice.sentToClient).toMatch(ISO);
    expect(res.body.invoice.meta.items.length).toBe(2);

    expect(await t.call('POST', `/api/invoices/${invoiceId}/mark-sent`, { token: admin })).toMatchObject({
      status: 400,
      body: { error: 'Invoice has already been marked as sent' },
    });
    const [row] = await t.db.sql`SELECT sent_to_client FROM invoices WHERE id = ${invoiceId}`;
    expect(row.sent_to_client.toISOString()).toBe(res.body.invoice.sentToClient);
  });

  test('mark-paid: errors in legacy order, then PAID with the method, then already paid', async () => {
    const path = `/api/invoices/${invoiceId}/mark-paid`;
    const invalid = { status: 400, body: { error: 'Invalid payment method. Must be one of: cash, card, bank_transfer, check, other' } };
    expect(await t.call('POST', path, { token: admin, body: {} })).toMatchObject({ status: 400, body: { error: 'paymentMethod is required' } });
    expect(await t.call('POST', path, { token: admin })).toMatchObject({ status: 400, body: { error: 'paymentMethod is required' } });
    expect(await t.call('POST', path, { token: admin, body: { paymentMethod: '' } })).toMatchObject({ status: 400, body: { error: 'paymentMethod is required' } });
    expect(await t.call('POST', path, { token: admin, body: { paymentMethod: 'bitcoin' } })).toMatchObject(invalid);
    expect(await t.call('POST', path, { token: admin, body: { paymentMethod: 'CASH' } })).toMatchObject(invalid);
    expect(await t.call('POST', path, { token: admin, body: { paymentMethod: 7 } })).toMatchObject(invalid);
    const other = await otherBusiness(t);
    expect(await t.call('POST', path, { token: other.token, body: { paymentMethod: 'cash' } })).toMatchObject({
      status: 403,
      body: { error: "forbidden: cannot update other businesses' invoices" },
    });
    expect((await t.db.sql`SELECT status, paid_at FROM invoices WHERE id = ${invoiceId}`)[0]).toEqual({ status: 'UNPAID', paid_at: null });

    const res = await t.call('POST', path, { token: admin, body: { paymentMethod: 'cash' } });
    expect(res.status).toBe(200);
    expect(res.body.invoice).toMatchObject({ id: invoiceId, status: 'PAID', paymentMethod: 'cash' });
    expect(res.body.invoice.paidAt).toMatch(ISO);

    // already paid wins over a missing or invalid method
    for (const body of [{ paymentMethod: 'card' }, {}, { paymentMethod: 'bitcoin' }]) {
      expect(await t.call('POST', path, { token: admin, body })).toMatchObject({ status: 400, body: { error: 'Invoice has already been marked as paid' } });
    }
    expect((await t.db.sql`SELECT payment_method FROM invoices WHERE id = ${invoiceId}`)[0].payment_method).toBe('cash');
    const listed = (await t.call('GET', '/api/invoices/list', { token: admin })).body.find((r: { invoiceId: string }) => r.invoiceId === invoiceId);
    expect(listed).toMatchObject({ status: 'paid', paymentMethod: 'cash' });
    expect((await t.call('GET', `/api/invoices/${invoiceId}`, { token: admin })).body).toMatchObject({ status: 'paid', paidAt: res.body.invoice.paidAt });
  });

  test('every payment method is accepted, through mark-paid and its alias pay', async () => {
    const methods = ['cash', 'card', 'bank_transfer', 'check', 'other'];
    for (const [i, method] of methods.entries()) {
      const { clientId: c, items } = await clientWithItems(`Payer ${method}`, ['2030-03-04T09:00:00Z']);
      const id = (await generate(admin, c, items)).body.invoice.id;
      const route = i % 2 ? 'pay' : 'mark-paid';
      const refused = await t.call('POST', `/api/invoices/${id}/${route}`, { token: staff, body: { paymentMethod: method } });
      expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
      const res = await t.call('POST', `/api/invoices/${id}/${route}`, { token: admin, body: { paymentMethod: method } });
      expect(res).toMatchObject({ status: 200, body: { success: true, invoice: { status: 'PAID', paymentMethod: method } } });
    }
  });

  test('pay behaves like mark-paid, including the mobile app sending {}', async () => {
    const { clientId: c, items } = await clientWithItems('Mobile Payer', ['2030-03-04T09:00:00Z']);
    const id = (await generate(admin, c, items)).body.invoice.id;
    expect(await t.call('POST', `/api/invoices/${id}/pay`, { token: admin, body: {} })).toMatchObject({ status: 400, body: { error: 'paymentMethod is required' } });
    expect(await t.call('POST', '/api/invoices/inv_nope/pay', { token: admin, body: { paymentMethod: 'cash' } })).toMatchObject({ status: 404 });
  });

  test('concurrent mark-paid: one payment recorded, the others told it is already paid', async () => {
    const { clientId: c, items } = await clientWithItems('Race Payer', ['2030-03-04T09:00:00Z']);
    const id = (await generate(admin, c, items)).body.invoice.id;
    const methods = ['cash', 'card', 'check', 'other'];
    const results = await Promise.all(methods.map((m, i) => t.call('POST', `/api/invoices/${id}/${i % 2 ? 'pay' : 'mark-paid'}`, { token: admin, body: { paymentMethod: m } })));
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBe(1);
    for (const r of results.filter((r) => r.status !== 200)) expect(r.body).toEqual({ error: 'Invoice has already been marked as paid' });
    const [row] = await t.db.sql`SELECT status, payment_method FROM invoices WHERE id = ${id}`;
    expect(row).toEqual({ status: 'PAID', payment_method: ok[0].body.invoice.paymentMethod });
  });

  test('concurrent mark-sent: one stamp', async () => {
    const { clientId: c, items } = await clientWithItems('Race Sender', ['2030-03-04T09:00:00Z']);
    const id = (await generate(admin, c, items)).body.invoice.id;
    const results = await Promise.all([1, 2, 3].map(() => t.call('POST', `/api/invoices/${id}/mark-sent`, { token: admin })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
  });

  test('resend: the legacy stub answer, with the guard and ownership checks', async () => {
    expect(await t.call('POST', `/api/invoices/${invoiceId}/resend`, { token: admin })).toMatchObject({
      status: 200,
      body: { success: true, message: 'Invoice resent successfully' },
    });
    expect(await t.call('POST', `/api/invoices/${invoiceId}/resend`, { token: admin, body: {} })).toMatchObject({ status: 200 });
    expect(await t.call('POST', '/api/invoices/inv_nope/resend', { token: admin })).toMatchObject({ status: 404, body: { error: 'Invoice not found' } });
    const other = await otherBusiness(t);
    expect(await t.call('POST', `/api/invoices/${invoiceId}/resend`, { token: other.token })).toMatchObject({
      status: 403,
      body: { error: "forbidden: cannot resend other businesses' invoices" },
    });
    expect(await t.call('POST', `/api/invoices/${invoiceId}/resend`, { token: client })).toMatchObject({ status: 403 });
    expect(await t.call('POST', `/api/invoices/${invoiceId}/resend`)).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
  });
});
