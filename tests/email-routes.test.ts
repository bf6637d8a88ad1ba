// The mission's email events end to end: real routes queue the mail in their own transaction, the
// outbox worker delivers it through the real @sendgrid/mail to the local fake, exactly once.
import { afterAll, beforeAll, beforeEach, expect, test } from 'bun:test';
import { createLogger } from '../src/log';
import { createEmailWorker, storedDocumentAttachments, type EmailWorker } from '../src/services/email';
import { DEMO, type TestApp } from './support/app';
import { startEmailTestApp, type EmailTestApp } from './support/email-fixtures';
import type { FakeSendGrid, RecordedMail } from './support/fake-sendgrid';
import { readPdf } from './support/pdf-text';

let app: EmailTestApp;
let t: TestApp;
let sendgrid: FakeSendGrid;
let worker: EmailWorker;
let admin: string;
let client: string;
let svc30: string;

beforeAll(async () => {
  app = await startEmailTestApp();
  ({ t, sendgrid } = app);
  worker = createEmailWorker(t.db, t.deps.email, storedDocumentAttachments(t.db.q), createLogger('silent'), { backoffMs: () => 0 });
  admin = await t.login(DEMO.admin.email, DEMO.admin.password);
  client = await t.login(DEMO.client.email, DEMO.client.password);
  [{ id: svc30 }] = await t.db.sql`SELECT id FROM services WHERE name = '30min Dog Walk'`;
});
afterAll(() => app.close());
beforeEach(() => app.reset());

const recipients = (m: RecordedMail) => m.body.personalizations.flatMap((p) => p.to.map((x) => x.email));
const text = (m: RecordedMail) => m.body.content.find((c) => c.type === 'text/plain')!.value;

async function deliver(): Promise<RecordedMail[]> {
  await worker.runUntilIdle();
  return sendgrid.delivered();
}

async function clientRequest(dateTime: string) {
  const res = await t.call('POST', '/api/client/bookings/request', {
    token: client,
    body: { clientId: 'c_demo_client', serviceId: svc30, dogIds: ['dog_demo'], dateTime, notes: 'Side gate <b>please</b>' },
  });
  expect(res.status).toBe(200);
  return res.body.booking.id as string;
}

test('a client booking request emails the business once, and the request never waited on it', async () => {
  await clientRequest('2030-02-04T10:00:00.000Z');
  // queued in the request's transaction, nothing sent yet
  const [{ n }] = await t.db.sql`SELECT count(*)::int AS n FROM email_outbox WHERE status = 'pending'`;
  expect(n).toBe(1);
  expect(sendgrid.delivered()).toEqual([]);

  const mails = await deliver();
  expect(mails).toHaveLength(1);
  expect(recipients(mails[0])).toEqual(['admin@demo.com', 'demo-admin@pawtimation.com']);
  expect(mails[0].body.subject).toBe('New booking request from Demo Client');
  expect(text(mails[0])).toContain('Side gate <b>please</b>');
  const html = mails[0].body.content.find((c) => c.type === 'text/html')!.value;
  expect(html).toContain('Side gate &lt;b&gt;please&lt;/b&gt;');
  expect(html).not.toContain('<b>please</b>');
  expect(await deliver()).toHaveLength(1);
});

test('approve then decline email the client an approval and a cancellation', async () => {
  const approved = await clientRequest('2030-02-05T10:00:00.000Z');
  const declined = await clientRequest('2030-02-05T14:00:00.000Z');
  await deliver();
  sendgrid.reset();

  expect((await t.call('POST', '/api/jobs/approve', { token: admin, body: { id: approved } })).status).toBe(200);
  expect((await t.call('POST', '/api/jobs/decline', { token: admin, body: { id: declined } })).status).toBe(200);
  const [approval, cancellation, ...more] = await deliver();
  expect(more).toEqual([]);
  expect(recipients(approval)).toEqual(['demo@client.com']);
  expect(approval.body.subject).toMatch(/confirmed|approved/i);
  expect(recipients(cancellation)).toEqual(['demo@client.com']);
  expect(cancellation.body.subject).toMatch(/cancel/i);
});

test('an admin update to CANCELLED emails the client; repeating it sends nothing more', async () => {
  const jobId = await clientRequest('2030-02-06T10:00:00.000Z');
  await t.call('POST', '/api/jobs/approve', { token: admin, body: { id: jobId } });
  await deliver();
  sendgrid.reset();
  for (let i = 0; i < 2; i++) {
    expect((await t.call('POST', `/api/bookings/${jobId}/update`, { token: admin, body: { status: 'CANCELLED' } })).status).toBe(200);
  }
  const mails = await deliver();
  expect(mails).toHaveLength(1);
  expect(recipients(mails[0])).toEqual(['demo@client.com']);
  expect(mails[0].body.subject).toMatch(/cancel/i);
});

/** what the request stored in the outbox, attachments included: references only, never PDF bytes */
const queuedAttachments = async () => [...(await t.db.sql`SELECT attachments FROM email_outbox WHERE status = 'pending' ORDER BY id`)].map((r) => r.attachments);

async function attachedPdfText(mail: RecordedMail) {
  expect(mail.body.attachments).toHaveLength(1);
  const [attachment] = mail.body.attachments!;
  expect(attachment.type).toBe('application/pdf');
  return (await readPdf(Buffer.from(attachment.content, 'base64'))).flatMap((p) => p.texts);
}

test('generating an invoice emails the client its pay link and PDF, rendered after the request; resend sends it again', async () => {
  const jobId = await clientRequest('2030-02-07T10:00:00.000Z');
  await t.call('POST', '/api/jobs/approve', { token: admin, body: { id: jobId } });
  await t.call('POST', `/api/bookings/${jobId}/update`, { token: admin, body: { status: 'COMPLETED' } });
  const [{ id: itemId }] = await t.db.sql`SELECT id FROM invoice_items WHERE job_id = ${jobId}`;
  await deliver();
  sendgrid.reset();

  const generated = await t.call('POST', '/api/invoices/generate', { token: admin, body: { clientId: 'c_demo_client', itemIds: [itemId] } });
  expect(generated.status).toBe(200);
  const invoice = generated.body.invoice;
  const number = invoice.id.slice(4).toUpperCase();
  const reference = { kind: 'invoice-pdf', invoiceId: invoice.id, filename: `invoice-${number}.pdf` };
  // the request did no PDF work: its mail holds a reference, rendered by the worker when it sends
  expect(await queuedAttachments()).toEqual([[reference]]);
  // paid before the worker runs: the mail still goes out, its PDF rendered from the stored invoice then
  expect((await t.call('POST', `/api/invoices/${invoice.id}/mark-paid`, { token: admin, body: { paymentMethod: 'cash' } })).status).toBe(200);

  const [mail, ...more] = await deliver();
  expect(more).toEqual([]);
  expect(recipients(mail)).toEqual(['demo@client.com']);
  expect(text(mail)).toContain(invoice.paymentUrl);
  expect(mail.body.attachments![0].filename).toBe(`invoice-${number}.pdf`);
  const pdf = await attachedPdfText(mail);
  expect(pdf).toContain(`#${number}`);
  expect(pdf).toContain('Demo Client');
  expect(pdf).toContain(invoice.meta.items[0].description);

  sendgrid.reset();
  const resent = await t.call('POST', `/api/invoices/${invoice.id}/resend`, { token: admin });
  expect(resent.status).toBe(200);
  expect(resent.body).toEqual({ success: true, message: 'Invoice resent successfully' });
  expect(await queuedAttachments()).toEqual([[reference]]);
  const again = await deliver();
  expect(again).toHaveLength(1);
  // a resend is queued after the payment: its body says so
  expect(text(again[0])).toContain('This invoice has been paid.');
  expect(await attachedPdfText(again[0])).toContain(`#${number}`);
});

test('SendGrid failing does not fail the request; the mail goes out on a later attempt', async () => {
  sendgrid.failNext(2, 500);
  await clientRequest('2030-02-08T10:00:00.000Z');
  await worker.runUntilIdle();
  const [{ status }] = await t.db.sql`SELECT status FROM email_outbox`;
  expect(['pending', 'sent']).toContain(status);
  // backoff is zero in this worker: drain the retries
  for (let i = 0; i < 3 && sendgrid.delivered().length === 0; i++) await worker.runUntilIdle();
  expect(sendgrid.delivered()).toHaveLength(1);
});
