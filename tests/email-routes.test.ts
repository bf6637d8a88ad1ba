// The mission's email events end to end: real routes queue the mail in their own transaction, the
// outbox worker delivers it through the real @sendgrid/mail to the local fake, exactly once.
import { afterAll, beforeAll, beforeEach, expect, test } from 'bun:test';
import { createLogger } from '../src/log';
import { createEmailWorker, type EmailWorker } from '../src/services/email';
import { DEMO, type TestApp } from './support/app';
import { startEmailTestApp, type EmailTestApp } from './support/email-fixtures';
import type { FakeSendGrid, RecordedMail } from './support/fake-sendgrid';

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
  worker = createEmailWorker(t.db, t.deps.email, createLogger('silent'), { backoffMs: () => 0 });
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

test('generating an invoice emails the client its pay link and PDF; resend sends it again', async () => {
  const jobId = await clientRequest('2030-02-07T10:00:00.000Z');
  await t.call('POST', '/api/jobs/approve', { token: admin, body: { id: jobId } });
  await t.call('POST', `/api/bookings/${jobId}/update`, { token: admin, body: { status: 'COMPLETED' } });
  const [{ id: itemId }] = await t.db.sql`SELECT id FROM invoice_items WHERE job_id = ${jobId}`;
  await deliver();
  sendgrid.reset();

  const generated = await t.call('POST', '/api/invoices/generate', { token: admin, body: { clientId: 'c_demo_client', itemIds: [itemId] } });
  expect(generated.status).toBe(200);
  const invoice = generated.body.invoice;
  const [mail, ...more] = await deliver();
  expect(more).toEqual([]);
  expect(recipients(mail)).toEqual(['demo@client.com']);
  expect(text(mail)).toContain(invoice.paymentUrl);
  expect(mail.body.attachments).toHaveLength(1);
  expect(mail.body.attachments![0].type).toBe('application/pdf');
  expect(Buffer.from(mail.body.attachments![0].content, 'base64').subarray(0, 4).toString()).toBe('%PDF');

  sendgrid.reset();
  const resent = await t.call('POST', `/api/invoices/${invoice.id}/resend`, { token: admin });
  expect(resent.status).toBe(200);
  expect(resent.body).toEqual({ success: true, message: 'Invoice resent successfully' });
  const again = await deliver();
  expect(again).toHaveLength(1);
  expect(text(again[0])).toContain(invoice.paymentUrl);
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
