// The outbox worker against the real @sendgrid/mail and a local fake SendGrid: retries, giving up,
// missing configuration, sandbox mode, crashes and restarts, and two workers sharing one database.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { connect } from '../src/db/client';
import { freePort } from '../src/db/embedded';
import type { Logger } from '../src/log';
import { createLogger } from '../src/log';
import {
  createEmailService,
  createEmailWorker,
  enqueueEmail,
  storedDocumentAttachments,
  type AttachmentResolver,
  type EmailWorkerOptions,
} from '../src/services/email';
import type { EmailSender } from '../src/services/email/sender';
import type { TestApp } from './support/app';
import { testConfig } from './support/config';
import { BIZ, insertInvoice, outboxRows, sendgridEnv, startEmailTestApp, type EmailTestApp } from './support/email-fixtures';
import type { FakeSendGrid } from './support/fake-sendgrid';

const silent = createLogger('silent');
let app: EmailTestApp;
let t: TestApp;
let sendgrid: FakeSendGrid;

beforeAll(async () => {
  app = await startEmailTestApp();
  ({ t, sendgrid } = app);
}, 30_000);
afterAll(() => app.close());
beforeEach(() => app.reset());

/** queues n plain mails, each its own event, committed like a route would */
async function queueMails(n: number, prefix = 'test') {
  await t.db.tx(async (q) => {
    for (let i = 1; i <= n; i++) {
      await enqueueEmail(q, {
        eventKey: `${prefix}:${i}`,
        kind: 'test',
        refId: `${prefix}-${i}`,
        to: [`client${i}@example.test`],
        subject: `${prefix} mail ${i}`,
        html: `<p>mail ${i}</p>`,
        text: `mail ${i}`,
      });
    }
  });
}

const worker = (sender: EmailSender = t.deps.email, options: EmailWorkerOptions = {}) =>
  createEmailWorker(t.db, sender, storedDocumentAttachments(t.db.q), silent, { backoffMs: () => 0, ...options });

function recordingLogger() {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, fields });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

describe('retries', () => {
  test('SendGrid 500s are retried and the mail is sent once', async () => {
    await queueMails(1);
    sendgrid.failNext(2, 500);
    await worker().runUntilIdle();
    expect(sendgrid.calls.map((c) => c.status)).toEqual([500, 500, 202]);
    expect(sendgrid.delivered()).toHaveLength(1);
    const [row] = await outboxRows(t.db);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null, providerMessageId: sendgrid.delivered()[0].messageId });
  });

  test('a 429 waits at least its Retry-After, then the mail goes out', async () => {
    await queueMails(1);
    sendgrid.failNext(1, 429, { 'retry-after': '120' });
    expect(await worker().runUntilIdle()).toBe(1);
    const [pending] = await t.db.sql`
      SELECT status, attempts, last_error, next_attempt_at > now() + interval '100 seconds' AS waits FROM email_outbox`;
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, waits: true });
    expect(pending.last_error).toContain('SendGrid 429');
    expect(sendgrid.delivered()).toEqual([]);

    await t.db.sql`UPDATE email_outbox SET next_attempt_at = now()`; // the two minutes pass
    await worker().runUntilIdle();
    expect(sendgrid.delivered()).toHaveLength(1);
    expect((await outboxRows(t.db))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('backoff grows with each attempt', async () => {
    await queueMails(1);
    sendgrid.failNext(1, 503);
    await worker(t.deps.email, { backoffMs: (attempt) => attempt * 3_600_000 }).runUntilIdle();
    const [row] = await t.db.sql`
      SELECT attempts, next_attempt_at > now() + interval '59 minutes' AS later FROM email_outbox`;
    expect(row).toEqual({ attempts: 1, later: true });
  });

  test('a mail that keeps failing ends as failed after the attempt limit', async () => {
    await queueMails(1);
    sendgrid.failNext(10, 503);
    await worker(t.deps.email, { maxAttempts: 3 }).runUntilIdle();
    expect(sendgrid.calls).toHaveLength(3);
    const [row] = await outboxRows(t.db);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toContain('SendGrid 503');
    expect(row.lastError).toContain('fake failure 503');
  });

  test('a permanent refusal (400) is not retried', async () => {
    await queueMails(1);
    sendgrid.failNext(1, 400);
    await worker().runUntilIdle();
    expect(sendgrid.calls).toHaveLength(1);
    expect((await outboxRows(t.db))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  test('an unreachable SendGrid is a network error: retried later, nothing thrown', async () => {
    const unreachable = createEmailService(testConfig(t.url, sendgridEnv(`http://127.0.0.1:${await freePort()}`)), silent);
    await queueMails(1);
    await worker(unreachable, { backoffMs: () => 60_000 }).runUntilIdle();
    const [row] = await outboxRows(t.db);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).not.toBeNull();
  });
});

describe('attachments', () => {
  const pdfHeader = (content: string) => Buffer.from(content, 'base64').subarray(0, 5).toString();

  test('an invoice mail retried after a SendGrid 500 renders its PDF again for the attempt that succeeds', async () => {
    const invoiceId = await insertInvoice(t.db);
    await t.db.tx((q) => t.deps.email.queueInvoiceGenerated(q, { businessId: BIZ, invoiceId }));
    sendgrid.failNext(1, 500);
    await worker().runUntilIdle();
    expect(sendgrid.calls.map((c) => c.status)).toEqual([500, 202]);
    for (const call of sendgrid.calls) expect(call.body.attachments?.map((a) => pdfHeader(a.content))).toEqual(['%PDF-']);
    expect((await outboxRows(t.db))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  test('without a provider the invoice mail is skipped as any other, nothing is sent or rendered', async () => {
    const unconfigured = createEmailService(testConfig(t.url, { EMAIL_PROVIDER: 'log' }), silent);
    const invoiceId = await insertInvoice(t.db);
    await t.db.tx((q) => t.deps.email.queueInvoiceGenerated(q, { businessId: BIZ, invoiceId }));
    const rendered: string[] = [];
    const stored = storedDocumentAttachments(t.db.q);
    const counting: AttachmentResolver = (reference) => (rendered.push(reference.filename), stored(reference));
    expect(await createEmailWorker(t.db, unconfigured, counting, silent).runUntilIdle()).toBe(1);
    expect(rendered).toEqual([]);
    expect(sendgrid.calls).toEqual([]);
    expect((await outboxRows(t.db))[0]).toMatchObject({ status: 'skipped', attempts: 1 });
  });

  test('the outbox refuses document bytes: an attachment must be a reference the worker renders', async () => {
    const inline = [{ filename: 'invoice.pdf', type: 'application/pdf', content: 'JVBERi0=' }];
    const insert = (attachments: unknown) => t.db.sql`
      INSERT INTO email_outbox (event_key, kind, ref_id, recipients, subject, html, text_body, attachments)
      VALUES (${`inline:${Math.random()}`}, 'test', 'ref', ${['a@example.test']}, 's', '<p>x</p>', 'x', ${t.db.sql.json(attachments as never)})`;
    await expect(insert(inline)).rejects.toThrow('email_outbox_attachments_are_references');
    await expect(insert([{ kind: 'invoice-pdf', invoiceId: 'inv_x' }])).rejects.toThrow('email_outbox_attachments_are_references');
    expect(await outboxRows(t.db)).toEqual([]);
    await insert([{ kind: 'invoice-pdf', invoiceId: 'inv_x', filename: 'invoice-X.pdf' }]);
    expect(await outboxRows(t.db)).toHaveLength(1);
  });
});

describe('configuration', () => {
  test('missing SendGrid settings: one warning at startup, then each mail is logged and skipped', async () => {
    const { log, lines } = recordingLogger();
    const unconfigured = createEmailService(testConfig(t.url, { EMAIL_PROVIDER: 'sendgrid', SENDGRID_API_URL: sendgrid.url }), log);
    expect(lines).toEqual([
      { level: 'warn', msg: 'email is not configured (SENDGRID_API_KEY, EMAIL_FROM missing): emails are logged and skipped, not sent', fields: undefined },
    ]);

    await queueMails(2);
    expect(await worker(unconfigured).runUntilIdle()).toBe(2);
    expect(sendgrid.calls).toEqual([]);
    expect((await outboxRows(t.db)).map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(lines.filter((l) => l.msg === 'email skipped').map((l) => l.fields?.subject)).toEqual(['test mail 1', 'test mail 2']);
  });

  test('success and failure are logged with the message id or the error', async () => {
    const { log, lines } = recordingLogger();
    const service = createEmailService(testConfig(t.url, sendgridEnv(sendgrid.url)), log);
    sendgrid.failNext(1, 500);
    const failed = await service.sendEmail({ to: ['a@example.test'], subject: 'first', html: '<p>x</p>', text: 'x' });
    const sent = await service.sendEmail({ to: ['a@example.test'], subject: 'second', html: '<p>x</p>', text: 'x' });
    expect(failed).toMatchObject({ status: 'failed', retryable: true });
    expect(sent).toEqual({ status: 'sent', messageId: sendgrid.delivered()[0].messageId });
    expect(lines.find((l) => l.msg === 'email send failed')?.fields?.error).toContain('SendGrid 500');
    expect(lines.find((l) => l.msg === 'email sent')?.fields?.messageId).toBe(sendgrid.delivered()[0].messageId);
  });

  test('a mail SendGrid refuses as malformed is a permanent failure, returned and not thrown', async () => {
    const result = await t.deps.email.sendEmail({ to: [], subject: 'nobody', html: '<p>x</p>', text: 'x' });
    expect(result).toMatchObject({ status: 'failed', retryable: false });
    expect(sendgrid.calls.map((c) => c.status)).toEqual([400]);
  });

  test('EMAIL_SANDBOX=true turns on SendGrid sandbox mode', async () => {
    const sandboxed = createEmailService(testConfig(t.url, { ...sendgridEnv(sendgrid.url), EMAIL_SANDBOX: 'true' }), silent);
    await sandboxed.sendEmail({ to: ['a@example.test'], subject: 's', html: '<p>x</p>', text: 'x' });
    await t.deps.email.sendEmail({ to: ['a@example.test'], subject: 's', html: '<p>x</p>', text: 'x' });
    const [inSandbox, live] = sendgrid.delivered();
    expect(inSandbox.body.mail_settings).toEqual({ sandbox_mode: { enable: true } });
    expect(live.body.mail_settings).toBeUndefined();
  });
});

describe('durability', () => {
  test('mail queued while no worker runs is delivered once by the next worker', async () => {
    const first = worker();
    first.start();
    await first.stop();
    await queueMails(3);
    // the process is gone before sending; a new one starts
    const next = worker();
    expect(await next.runUntilIdle()).toBe(3);
    expect(sendgrid.delivered().map((c) => c.body.subject)).toEqual(['test mail 1', 'test mail 2', 'test mail 3']);
    expect(await next.runUntilIdle()).toBe(0);
  });

  test('a claim left by a crashed worker is resumed once it expires, and the mail goes out once', async () => {
    await queueMails(2);
    const crashed = await t.db.q.email.claimNext(120); // claimed, then the process died mid-send
    expect(crashed?.eventKey).toBe('test:1');

    expect(await worker().runUntilIdle()).toBe(1); // the live claim is left alone
    expect(sendgrid.delivered().map((c) => c.body.subject)).toEqual(['test mail 2']);

    await t.db.sql`UPDATE email_outbox SET next_attempt_at = now() WHERE status = 'sending'`; // the lease runs out
    expect(await worker().runUntilIdle()).toBe(1);
    expect(sendgrid.delivered().map((c) => c.body.subject)).toEqual(['test mail 2', 'test mail 1']);
    expect((await outboxRows(t.db)).map((r) => [r.eventKey, r.status, r.attempts])).toEqual([
      ['test:1', 'sent', 2],
      ['test:2', 'sent', 1],
    ]);
  });

  test('a worker that lost its claim cannot overwrite the outcome of the one that took over', async () => {
    await queueMails(1);
    const stale = (await t.db.q.email.claimNext(0))!;
    const current = (await t.db.q.email.claimNext(120))!;
    expect(current.attempts).toBe(stale.attempts + 1);
    expect(await t.db.q.email.recordOutcome(stale.id, stale.attempts, 'failed', null, 'late', 0)).toBe(0);
    expect(await t.db.q.email.recordOutcome(current.id, current.attempts, 'sent', 'msg-1', null, 0)).toBe(1);
    expect((await outboxRows(t.db))[0]).toMatchObject({ status: 'sent', providerMessageId: 'msg-1' });
  });

  test('stop() waits for the send in progress and records it', async () => {
    sendgrid.delayAnswers(300);
    const running = worker(t.deps.email, { pollIntervalMs: 10 });
    running.start();
    await queueMails(1);
    while (sendgrid.calls.length === 0) await Bun.sleep(5);
    await running.stop();
    expect((await outboxRows(t.db))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('two workers on one database send each mail exactly once', async () => {
    sendgrid.delayAnswers(5);
    const otherDb = connect(t.url);
    const a = worker(t.deps.email, { pollIntervalMs: 10 });
    const b = createEmailWorker(otherDb, t.deps.email, storedDocumentAttachments(otherDb.q), silent, { pollIntervalMs: 10, backoffMs: () => 0 });
    try {
      a.start();
      b.start();
      await queueMails(30, 'pair');
      await sendgrid.waitForDelivered(30, 20_000);
      await a.stop();
      await b.stop();
    } finally {
      await a.stop();
      await b.stop();
      await otherDb.close();
    }
    const subjects = sendgrid.calls.map((c) => c.body.subject);
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
    expect((await outboxRows(t.db)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
