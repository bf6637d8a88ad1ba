// Support chat through HTTP: the rule-based bot, escalation (keyword, too many turns, thumbs
// down), counters, chats kept in Postgres, unknown ids and bad input.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { Logger } from '../src/log';
import { createTestApp, type TestApp } from './support/app';

let t: TestApp;
const warnings: { msg: string; fields?: Record<string, unknown> }[] = [];
const recordingLog: Logger = { debug() {}, info() {}, error() {}, warn: (msg, fields) => void warnings.push({ msg, fields }) };

beforeAll(async () => {
  t = await createTestApp({}, (deps) => ({ ...deps, log: recordingLog }));
}, 60_000);
afterAll(() => t.close());

const open = async (user?: unknown) => {
  const res = await t.call('POST', '/api/support/chat', { body: user === undefined ? {} : { user } });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ ok: true, chatId: res.body.chatId });
  expect(res.body.chatId).toMatch(/^chat_[0-9a-z]{8}$/);
  return res.body.chatId as string;
};
const say = (chatId: string, text: unknown) => t.call('POST', `/api/support/chat/${chatId}/message`, { body: { text } });
const escalations = (chatId: string) => warnings.filter((w) => w.msg === 'support chat escalated' && w.fields?.chatId === chatId);
const chatRow = async (id: string) => (await t.db.sql`SELECT * FROM support_chats WHERE id = ${id}`)[0];

test('opening a chat stores it with who opened it (guest by default)', async () => {
  const id = await open({ id: 'u_demo_client', name: 'Demo Client', role: 'client', token: 'never-stored' });
  expect((await chatRow(id)).context).toEqual({ user: { id: 'u_demo_client', name: 'Demo Client', role: 'client' } });
  const guest = await open();
  expect((await chatRow(guest)).context).toEqual({ user: { id: 'guest', name: 'Guest', role: 'owner' } });
});

test('the bot answers by keyword and the chat counts as handled', async () => {
  const id = await open();
  const res = await say(id, '  How much does a walk cost? ');
  expect(res.status).toBe(200);
  expect(res.body.escalated).toBeUndefined();
  expect(res.body.messages).toEqual([
    { role: 'user', text: 'How much does a walk cost?', ts: expect.any(Number), tags: [] },
    { role: 'assistant', text: 'Typical rates: Walk £25, Home visit £25/day, Day care £45. Companions may vary by location and experience.', ts: expect.any(Number), tags: ['pricing'] },
  ]);
  const row = await chatRow(id);
  expect(row).toMatchObject({ escalated: false, handled_by_bot: true });
  expect(row.transcript).toHaveLength(2);
  expect(escalations(id)).toHaveLength(0);
});

test('an alarming keyword escalates before any reply and sends one notice', async () => {
  const id = await open();
  const res = await say(id, 'My dog was bitten!');
  expect(res.body).toEqual({
    ok: true,
    escalated: true,
    messages: [
      { role: 'user', text: 'My dog was bitten!', ts: expect.any(Number), tags: [] },
      { role: 'system', text: 'Escalating to human support (keyword:bitten).', ts: expect.any(Number), tags: ['escalated'] },
    ],
  });
  expect(await chatRow(id)).toMatchObject({ escalated: true, handled_by_bot: false });
  expect(escalations(id)).toHaveLength(1);
  expect(escalations(id)[0].fields?.reason).toBe('keyword:bitten');
});

test('the fourth unresolved turn escalates after the reply; later messages escalate before it', async () => {
  const id = await open();
  expect((await say(id, 'hello')).body.escalated).toBeUndefined();
  const second = await say(id, 'what can you do');
  expect(second.body.escalated).toBe(true);
  expect(second.body.messages.map((m: any) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'system']);
  expect(second.body.messages.at(-1).text).toBe('Escalating to human support (too_many_turns).');
  const third = await say(id, 'still there?');
  expect(third.body.messages.map((m: any) => m.role)).toEqual(['assistant', 'user', 'assistant', 'system', 'user', 'system'].slice(-5));
  // legacy notified on every escalating message
  expect(escalations(id)).toHaveLength(2);
});

test('thumbs up counts; thumbs down escalates once; metrics come from all chats', async () => {
  const id = await open();
  const up = await t.call('POST', `/api/support/chat/${id}/csat`, { body: { vote: 'up' } });
  expect(up.body.ok).toBe(true);
  const [expected] = await t.db.sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE escalated)::int AS esc FROM support_chats`;
  expect(up.body.metrics).toMatchObject({ totalChats: expected.total, escalated: expected.esc, csatUp: 1, csatDown: 0 });
  const down = await t.call('POST', `/api/support/chat/${id}/csat`, { body: { vote: 'down' } });
  expect(down.body.metrics).toMatchObject({ escalated: expected.esc + 1, csatUp: 1, csatDown: 1 });
  await t.call('POST', `/api/support/chat/${id}/csat`, { body: { vote: 'down' } });
  expect(escalations(id)).toHaveLength(1);
  const row = await chatRow(id);
  expect(row).toMatchObject({ escalated: true, csat: 'down', csat_up: 1, csat_down: 2 });
  expect(row.transcript.map((m: any) => m.text)).toEqual(['Escalated due to negative feedback.']);
  const other = await t.call('POST', `/api/support/chat/${id}/csat`, { body: { vote: 'meh' } });
  expect(other.body.metrics.csatDown).toBe(2);
});

test('unknown chat ids answer 200 {"error":"not_found"}; bad text is a clean 400 and writes nothing', async () => {
  expect(await say('chat_nope', 'hi')).toMatchObject({ status: 200, body: { error: 'not_found' } });
  expect(await t.call('POST', '/api/support/chat/chat_nope/csat', { body: { vote: 'up' } })).toMatchObject({ status: 200, body: { error: 'not_found' } });
  const id = await open();
  expect(await say(id, { html: true })).toMatchObject({ status: 400, body: { error: 'text must be a string' } });
  expect((await say(id, 'x'.repeat(4001))).status).toBe(400);
  expect((await chatRow(id)).transcript).toEqual([]);
  // no text at all is an empty user message, as legacy
  expect((await t.call('POST', `/api/support/chat/${id}/message`)).body.messages[0]).toMatchObject({ role: 'user', text: '' });
});
