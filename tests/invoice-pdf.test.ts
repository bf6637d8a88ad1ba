// GET /api/invoices/:invoiceId/pdf through HTTP: headers, pages, text and branding of the document.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, DEMO, type TestApp } from './support/app';
import { completedJobWithItem, createClient, getBytes, otherBusiness } from './support/billing-fixtures';
import { pdftotext, readPdf } from './support/pdf-text';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO.admin.email, DEMO.admin.password);
}, 60_000);
afterAll(() => t.close());

const pounds = (cents: number) => `£${(cents / 100).toFixed(2)}`;

/** an invoice of n items of a client with e-mail and phone and no address (the documented fixture layout) */
async function invoiceWithItems(n: number) {
  const clientId = await createClient(t, `Pia Pdf ${n}`, { email: 'pia@example.com', phone: '0700' });
  const itemIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const start = `2030-${i < 28 ? '03' : '04'}-${day}T09:00:00.000Z`;
    itemIds.push((await completedJobWithItem(t, { clientId, start, priceCents: 1500 + i })).itemId);
  }
  const res = await t.call('POST', '/api/invoices/generate', { token: admin, body: { clientId, itemIds } });
  expect(res.status).toBe(200);
  return res.body.invoice as { id: string; amountCents: number; paymentUrl: string; meta: { items: { description: string; amount: number }[] } };
}

describe('invoice PDF', () => {
  for (const [items, pages] of [[1, 1], [15, 1], [40, 2]] as const) {
    test(`${items} item(s): ${pages} page(s) with the number, client, every line and the total`, async () => {
      const invoice = await invoiceWithItems(items);
      const number = invoice.id.slice(4).toUpperCase();
      const res = await getBytes(t, `/api/invoices/${invoice.id}/pdf`, admin);

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="invoice-${number}.pdf"`);
      expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe('%PDF-');

      const doc = await readPdf(res.bytes);
      expect(doc.length).toBe(pages);
      const texts = doc.flatMap((p) => p.texts);
      expect(texts).toContain(`#${number}`);
      expect(texts).toContain(`Pia Pdf ${items}`);
      expect(texts).toContain('Demo Dog Walking');
      for (const line of invoice.meta.items) {
        expect(texts).toContain(line.description);
        expect(texts).toContain(pounds(line.amount));
      }
      // subtotal and total on the last page (with one item, its line shows the same amount)
      const total = pounds(invoice.amountCents);
      const linesAtTotal = invoice.meta.items.filter((line) => pounds(line.amount) === total).length;
      expect(doc[pages - 1].texts.filter((s) => s === total).length).toBe(2 + linesAtTotal);
      // the pay link may wrap over several lines of the payment box
      expect(doc[pages - 1].texts.join('')).toContain(invoice.paymentUrl);
      for (const page of doc) expect(page.texts).toContain('Powered by Pawtimation');

      const extracted = await pdftotext(res.bytes);
      if (extracted !== null) {
        expect(extracted).toContain(`#${number}`);
        expect(extracted).toContain(`Pia Pdf ${items}`);
        expect(extracted).toMatch(new RegExp(`Total:\\s+${pounds(invoice.amountCents)}`));
        expect(extracted.split('\f').filter((p) => p.trim()).length).toBe(pages);
      }
    });
  }

  test('40 items: the table continues on page 2 under a repeated header, lines in order, none lost', async () => {
    const invoice = await invoiceWithItems(40);
    const doc = await readPdf((await getBytes(t, `/api/invoices/${invoice.id}/pdf`, admin)).bytes);
    const descriptions = invoice.meta.items.map((i) => i.description);
    const drawn = doc.flatMap((p) => p.texts.filter((s) => descriptions.includes(s)));
    expect(drawn).toEqual(descriptions);
    expect(doc[1].texts).toContain(`#${invoice.id.slice(4).toUpperCase()} (continued)`);
    for (const page of doc) expect(page.texts.filter((s) => s === 'Description').length).toBe(1);
    expect(doc.map((p) => p.texts.filter((s) => /^Page \d of 2$/.test(s)))).toEqual([['Page 1 of 2'], ['Page 2 of 2']]);
  });

  test('legacy positions for a short invoice: header right column, table header and first row', async () => {
    const invoice = await invoiceWithItems(3);
    const { bytes } = await getBytes(t, `/api/invoices/${invoice.id}/pdf`, admin);
    if (!Bun.which('pdftotext')) return; // positions need a reader that reports them; texts are checked above
    const html = await new Response(Bun.spawn(['pdftotext', '-bbox', '-', '-'], { stdin: bytes, stdout: 'pipe' }).stdout).text();
    const at = (word: string) => {
      const m = new RegExp(`xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}<`).exec(html);
      return m ? [Number(m[1]), Number(m[2])] : null;
    };
    // top-left coordinates of invoices-finance-stats.md §3.3 (pdf-lib draws without kerning: ±0.5 pt)
    const near = (got: number[] | null, x: number, top: number) => {
      expect(got).not.toBeNull();
      expect(Math.abs(got![0] - x)).toBeLessThan(0.5);
      expect(Math.abs(got![1] - top)).toBeLessThan(0.5);
    };
    near(at('INVOICE'), 478.04, 36);
    near(at('Bill'), 395.28, 158.4);
    near(at('Description'), 46, 239.29);
    near(at('Qty'), 359.968, 239.29);
    near(at('Price'), 438.46, 239.29);
    near(at('Subtotal:'), 455.81, 355.1);
    near(at('Powered'), 248.82, 791.89);
  });

  test('branding colour comes from the business settings, with the legacy fallback for an unusable one', async () => {
    const invoice = await invoiceWithItems(1);
    const colourOps = async () => (await readPdf((await getBytes(t, `/api/invoices/${invoice.id}/pdf`, admin)).bytes))[0].operators;
    const setColour = (colour: unknown) =>
      t.db.sql`UPDATE businesses SET settings = jsonb_set(settings, '{branding,primaryColor}', ${t.db.sql.json(colour as never)}) WHERE id = 'biz_demo'`;
    try {
      await setColour('#ff0000');
      expect(await colourOps()).toMatch(/(^|\s)1 0 0 rg/);
      await setColour('#00f');
      expect(await colourOps()).toMatch(/(^|\s)0 0 1 rg/);
      await setColour('not a colour');
      const fallback = await colourOps();
      expect(fallback).not.toMatch(/(^|\s)0 0 1 rg/);
      expect(fallback).toMatch(/0\.0588\d* 0\.682\d* 0\.482\d* rg/); // #0FAE7B
    } finally {
      await setColour('#00a58a');
    }
  });

  test('characters the standard fonts cannot encode are replaced, not a failure', async () => {
    const clientId = await createClient(t, 'Łukasz 🐶 Dog', { address: 'Flat 2\n10 Long Road' });
    const { itemId } = await completedJobWithItem(t, { clientId });
    await t.db.sql`UPDATE invoice_items SET description = 'Walk 中文 ✓' WHERE id = ${itemId}`;
    const invoice = (await t.call('POST', '/api/invoices/generate', { token: admin, body: { clientId, itemIds: [itemId] } })).body.invoice;
    const res = await getBytes(t, `/api/invoices/${invoice.id}/pdf`, admin);
    expect(res.status).toBe(200);
    const texts = (await readPdf(res.bytes))[0].texts;
    expect(texts).toContain('?ukasz ? Dog');
    expect(texts).toContain('Walk ?? ?');
    expect(texts).toContain('Flat 2');
    expect(texts).toContain('10 Long Road');
  });

  test('refusals: unknown invoice 404, client 403, other business 403, no token 401', async () => {
    const invoice = await invoiceWithItems(1);
    const other = await otherBusiness(t);
    const clientToken = await t.tokenFor('u_demo_client');
    expect(await t.call('GET', '/api/invoices/inv_does_not_exist/pdf', { token: admin })).toMatchObject({ status: 404, body: { error: 'Invoice not found' } });
    expect(await t.call('GET', `/api/invoices/${invoice.id}/pdf`, { token: clientToken })).toMatchObject({
      status: 403,
      body: { error: 'forbidden: admin access required' },
    });
    expect(await t.call('GET', `/api/invoices/${invoice.id}/pdf`, { token: other.token })).toMatchObject({
      status: 403,
      body: { error: "forbidden: cannot access other businesses' invoices" },
    });
    expect(await t.call('GET', `/api/invoices/${invoice.id}/pdf`)).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
  });
});
