// socket.io at /socket.io/ beside the HTTP app: who hears which event, with what payload, and
// what a client sending garbage can do (nothing). Real socket.io-client 4 over a real listener.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { connectSocket, type Heard, type RecordingSocket } from './support/socket-client';
import { startListeningApp, type ListeningApp } from './support/listening';

let app: ListeningApp;
let adminToken: string;
let staffToken: string;
let clientToken: string;
let otherAdminToken: string;
const sockets: RecordingSocket[] = [];

const emit = (...args: Parameters<ListeningApp['deps']['realtime']['emit']>) => app.deps.realtime.emit(...args);
const track = (s: RecordingSocket) => (sockets.push(s), s);
const cookieSocket = async (token: string, headers: Record<string, string> = {}, transports = ['websocket', 'polling']) =>
  track(await connectSocket(app.base, { transports, extraHeaders: { cookie: `theme=dark; token=${token}`, ...headers } }));
const anonymousSocket = async () => track(await connectSocket(app.base));

/** the ids and statuses a booking event may carry */
const SCRUBBED_BOOKING = {
  id: 'job_1',
  businessId: 'biz_demo',
  clientId: 'c_demo_client',
  dogIds: ['dog_demo'],
  staffId: null,
  status: 'PENDING',
};
/** what a route might send by mistake: everything beyond ids and statuses must go */
const LEAKY_BOOKING = {
  ...SCRUBBED_BOOKING,
  notes: 'key under the mat',
  priceCents: 1500,
  route: { coordinates: [[51.5, -0.1]] },
  start: '2026-11-23T10:00:00.000Z',
  client: { id: 'c_demo_client', address: '1 High St' },
};

beforeAll(async () => {
  app = await startListeningApp();
  await app.db.sql`INSERT INTO businesses (id, name, settings) VALUES ('biz_other', 'Other Walkers', '{}')`;
  await app.db.sql`INSERT INTO users (id, business_id, role, name, email) VALUES ('u_other_admin', 'biz_other', 'ADMIN', 'Other', 'other@x.com')`;
  const sign = (sub: string) => app.deps.tokens.sign({ sub, email: '', isAdmin: false });
  [adminToken, staffToken, clientToken, otherAdminToken] = await Promise.all(
    ['u_demo_admin', 'u_demo_staff1', 'u_demo_client', 'u_other_admin'].map(sign),
  );
}, 30_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await app.stop();
}, 30_000);

describe('who hears what', () => {
  test('an admin presenting the login cookie hears its business, ids and statuses only, in emit order', async () => {
    const admin = await cookieSocket(adminToken);
    expect(admin.socket.io.engine.transport.name).toBe('websocket');
    emit('biz_demo', 'booking:created', { booking: LEAKY_BOOKING, amount: 12, scope: 'ignored?' });
    emit('biz_demo', 'stats:changed', { scope: 'bookings' });
    expect(await admin.next()).toEqual(['booking:created', { scope: 'ignored?', booking: SCRUBBED_BOOKING }]);
    expect(await admin.next()).toEqual(['stats:changed', { scope: 'bookings' }]);
  }, 20_000);

  test('a staff member authenticates with auth.token, and a Bearer header works too', async () => {
    const viaAuth = track(await connectSocket(app.base, { auth: { token: staffToken } }));
    const viaHeader = track(
      await connectSocket(app.base, { transports: ['polling'], extraHeaders: { authorization: `Bearer ${staffToken}` } }),
    );
    emit('biz_demo', 'booking:updated', { booking: { id: 'job_2', status: 'BOOKED', notes: 'x' } });
    const expected: Heard = ['booking:updated', { booking: { id: 'job_2', status: 'BOOKED' } }];
    expect(await viaAuth.next()).toEqual(expected);
    expect(await viaHeader.next()).toEqual(expected);
  }, 20_000);

  test('anonymous sockets, bad tokens and client users hear the event names with empty payloads', async () => {
    const anonymous = await anonymousSocket();
    const forged = await cookieSocket(adminToken.slice(0, -4) + 'AAAA');
    const unknownUser = track(await connectSocket(app.base, { auth: { token: await app.deps.tokens.sign({ sub: 'u_gone', email: '', isAdmin: false }) } }));
    const client = await cookieSocket(clientToken);
    emit('biz_demo', 'booking:created', { booking: LEAKY_BOOKING });
    emit('biz_demo', 'invoice:created', { invoice: { id: 'inv_1', status: 'PENDING', amountCents: 1 } });
    for (const s of [anonymous, forged, unknownUser, client]) {
      expect(await s.next()).toEqual(['booking:created', {}]);
      expect(await s.next()).toEqual(['invoice:created', {}]);
    }
  }, 20_000);

  test("a socket of another business never hears this business's events", async () => {
    const other = await cookieSocket(otherAdminToken);
    const demo = await cookieSocket(adminToken);
    emit('biz_demo', 'booking:created', { booking: { id: 'job_demo' } });
    emit('biz_other', 'booking:deleted', { bookingId: 'job_other' });
    emit('biz_demo', 'stats:changed', { scope: 'bookings' });
    // delivery is in emit order, so the first event the other business hears is its own
    expect(await other.next()).toEqual(['booking:deleted', { bookingId: 'job_other' }]);
    expect(await demo.next()).toEqual(['booking:created', { booking: { id: 'job_demo' } }]);
    expect(await demo.next()).toEqual(['stats:changed', { scope: 'bookings' }]);
    emit('biz_other', 'stats:changed', { scope: 'all' });
    expect(await other.next()).toEqual(['stats:changed', { scope: 'all' }]);
    expect(other.heard.map(([e]) => e)).toEqual(['booking:deleted', 'stats:changed']);
  }, 20_000);

  test('the cookie only counts from a trusted page; from another origin the socket is anonymous', async () => {
    const foreign = await cookieSocket(adminToken, { origin: 'https://evil.example' }, ['polling']);
    const ownPage = await cookieSocket(adminToken, { origin: 'http://localhost:5173' }, ['polling']);
    emit('biz_demo', 'booking:updated', { booking: { id: 'job_3', status: 'BOOKED' } });
    expect(await foreign.next()).toEqual(['booking:updated', {}]);
    expect(await ownPage.next()).toEqual(['booking:updated', { booking: { id: 'job_3', status: 'BOOKED' } }]);
  }, 20_000);
});

describe('the engine.io endpoint', () => {
  test('answers the legacy handshake next to the HTTP app on the same port', async () => {
    const res = await fetch(`${app.base}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    const open = JSON.parse((await res.text()).slice(1));
    expect(open).toMatchObject({ upgrades: ['websocket'], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1000000 });
    expect(typeof open.sid).toBe('string');
    const v3 = await fetch(`${app.base}/socket.io/?EIO=3&transport=polling`);
    expect(v3.status).toBe(400);
    expect(await v3.json()).toEqual({ code: 5, message: 'Unsupported protocol version' });
    expect((await fetch(`${app.base}/health`)).status).toBe(200);
  }, 20_000);

  test('polling CORS admits the configured frontend origin only', async () => {
    const from = (origin: string) =>
      fetch(`${app.base}/socket.io/?EIO=4&transport=polling`, { headers: { origin } }).then((r) => r.headers);
    const frontend = await from('http://localhost:5173');
    expect(frontend.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(frontend.get('access-control-allow-credentials')).toBe('true');
    expect((await from('https://evil.example')).get('access-control-allow-origin')).not.toBe('https://evil.example');
  }, 20_000);

  test('garbage from a client closes at most its own connection; the process and other sockets carry on', async () => {
    const listener = await anonymousSocket();

    // well-formed frames nobody handles, including the legacy chat frames that crashed it
    const ws = await rawSocket();
    ws.send('40');
    expect(await ws.next()).toStartWith('40{');
    for (const frame of ['42["join"]', '42["message"]', '42["join",null]', '42["booking:created",{"booking":{"id":"x"}}]', '3']) {
      ws.send(frame);
    }
    ws.send('40/nope,'); // answered after every frame above was processed
    expect(await ws.next()).toStartWith('44/nope,');
    expect(ws.socket.readyState).toBe(WebSocket.OPEN);

    // frames that do not parse or make no sense here: the engine drops that one connection
    for (const garbage of ['6', 'zzz', '42[', '4{"a":', 'b@@not-base64', new Uint8Array([0, 255, 1, 2]), '4' + 'x'.repeat(10_000)]) {
      const bad = await rawSocket();
      bad.send('40');
      await bad.next();
      bad.send(garbage);
      await bad.closed;
    }

    // polling: a POST with a broken payload to a live session, and one with no session at all
    const sid = JSON.parse((await (await fetch(`${app.base}/socket.io/?EIO=4&transport=polling`)).text()).slice(1)).sid;
    const post = await fetch(`${app.base}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: '\u001e\u001e9{{{' });
    expect(post.status).toBeLessThan(500);
    const noSession = await fetch(`${app.base}/socket.io/?EIO=4&transport=polling`, { method: 'POST', body: 'x' });
    expect(noSession.status).toBe(400);

    emit('biz_demo', 'stats:changed', { scope: 'all' });
    // the spoofed booking:created from the raw socket was never relayed: the first thing heard is ours
    expect(await listener.next()).toEqual(['stats:changed', {}]);
    expect(await ws.next()).toBe('42["stats:changed",{}]');
    expect((await fetch(`${app.base}/health`)).status).toBe(200);
    ws.socket.close();
  }, 20_000);
});

/** a bare WebSocket speaking engine.io by hand, past the open packet */
async function rawSocket() {
  const socket = new WebSocket(`${app.base.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const messages: string[] = [];
  let waiting: (() => void) | null = null;
  socket.onmessage = (m) => {
    if (m.data === '2') return socket.send('3'); // heartbeat
    messages.push(String(m.data));
    waiting?.();
  };
  const closed = new Promise<void>((r) => socket.addEventListener('close', () => r()));
  const next = async () => {
    while (!messages.length) await new Promise<void>((r) => (waiting = r));
    return messages.shift()!;
  };
  await new Promise((r) => (socket.onopen = r));
  expect(await next()).toStartWith('0{');
  return { socket, next, closed, send: (d: string | Uint8Array) => socket.send(d) };
}
