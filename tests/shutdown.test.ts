// SIGTERM while the outbox worker is in the middle of a send: the process waits for SendGrid's answer,
// records the mail as sent (so no restart sends it again), claims nothing more, and exits 0.
// In-flight HTTP requests on SIGTERM: restart.test.ts; sockets connected: realtime-instances.test.ts.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { connect, type Db } from '../src/db/client';
import { enqueueEmail } from '../src/services/email';
import { sendgridEnv } from './support/email-fixtures';
import { startFakeSendGrid, type FakeSendGrid } from './support/fake-sendgrid';
import { seededDatabaseUrl } from './support/postgres';
import { startServerProcess } from './support/server-process';

let sendgrid: FakeSendGrid;
let url: string;
let db: Db;

beforeAll(async () => {
  sendgrid = startFakeSendGrid();
  url = await seededDatabaseUrl();
  db = connect(url, { max: 2 });
}, 30_000);
afterAll(async () => {
  await db.close();
  await sendgrid.stop();
});

const queue = (n: number) =>
  db.tx((q) =>
    enqueueEmail(q, {
      eventKey: `shutdown:${n}`, kind: 'test', refId: `shutdown-${n}`, to: ['client@example.test'],
      subject: `shutdown mail ${n}`, html: `<p>${n}</p>`, text: String(n),
    }),
  );

test('SIGTERM mid-send: the send finishes and is recorded, nothing else is claimed, exit 0', async () => {
  await queue(1);
  await queue(2);
  // SendGrid takes 1.5 s to answer: long enough for the signal to land mid-send
  sendgrid.delayAnswers(1_500);
  const server = await startServerProcess(url, sendgridEnv(sendgrid.url));
  while (sendgrid.calls.length === 0) await Bun.sleep(10);

  expect(await server.stop('SIGTERM')).toBe(0);
  expect(sendgrid.calls.map((c) => c.body.subject)).toEqual(['shutdown mail 1']);
  const rows = await db.sql`SELECT event_key, status, attempts, provider_message_id FROM email_outbox ORDER BY event_key`;
  expect(rows.map((r) => ({ ...r }))).toEqual([
    { event_key: 'shutdown:1', status: 'sent', attempts: 1, provider_message_id: sendgrid.calls[0].messageId },
    { event_key: 'shutdown:2', status: 'pending', attempts: 0, provider_message_id: null },
  ]);
}, 60_000);
