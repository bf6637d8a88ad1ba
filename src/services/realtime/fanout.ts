// Cross-instance delivery over Postgres LISTEN/NOTIFY on the database every instance already shares.
// Each instance delivers its own events locally at once and NOTIFYs the others; a listener
// ignores the notifications it sent itself. Events emitted while a NOTIFY is on its way are sent
// together in the next one (a JSON array, split below Postgres's payload limit): a busy instance
// emits two or three events per write, and one NOTIFY each would cost a transaction apiece. One
// NOTIFY at a time, so the other instances see events in the order they were emitted. If the
// database cannot keep up (or is down), the oldest unsent events are dropped beyond MAX_PENDING:
// they are hints to refetch, and the next event of a screen brings it up to date.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../../db/client';
import type { Logger } from '../../log';
import { isRealtimeEvent, type RealtimeEvent } from '.';
import { scrubPayload, type EventPayload } from './payload';

export const FANOUT_CHANNEL = 'pawtimation_realtime';
/** Postgres refuses NOTIFY payloads of 8000 bytes or more */
const NOTIFY_LIMIT_BYTES = 7900;
const MAX_PENDING = 10_000;

export interface Envelope {
  businessId: string;
  event: RealtimeEvent;
  payload: EventPayload;
}

export interface Fanout {
  publish(envelope: Envelope): void;
  /** sends what is queued, then stops listening */
  close(): Promise<void>;
}

/** one event as sent: never lose the event itself, the frontend only needs its name */
function encode(origin: string, envelope: Envelope): string {
  const text = JSON.stringify({ origin, ...envelope });
  return Buffer.byteLength(text) > NOTIFY_LIMIT_BYTES - 2 ? JSON.stringify({ origin, ...envelope, payload: {} }) : text;
}

/** the encoded events as JSON arrays of at most NOTIFY_LIMIT_BYTES each, in order */
function batches(encoded: string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let bytes = 2;
  for (const text of encoded) {
    const size = Buffer.byteLength(text) + 1;
    if (current.length && bytes + size > NOTIFY_LIMIT_BYTES) {
      out.push(`[${current.join(',')}]`);
      current = [];
      bytes = 2;
    }
    current.push(text);
    bytes += size;
  }
  if (current.length) out.push(`[${current.join(',')}]`);
  return out;
}

export async function startPostgresFanout(sql: Sql, log: Logger, onRemote: (envelope: Envelope) => void): Promise<Fanout> {
  const origin = randomUUID();

  const { unlisten } = await sql.listen(FANOUT_CHANNEL, (text) => {
    for (const envelope of parseEnvelopes(text, origin)) {
      try {
        onRemote(envelope);
      } catch (e) {
        log.error('realtime: delivering a remote event failed', { error: e, event: envelope.event });
      }
    }
  });

  let pending: string[] = [];
  let sending: Promise<void> | null = null;
  let closed = false;

  async function sendPending() {
    while (pending.length) {
      const events = pending;
      pending = [];
      for (const batch of batches(events)) {
        await sql.notify(FANOUT_CHANNEL, batch).catch((e) => log.warn('realtime: NOTIFY failed, other instances miss these events', { error: e }));
      }
    }
    sending = null;
  }

  return {
    publish(envelope) {
      if (closed) return;
      pending.push(encode(origin, envelope));
      if (pending.length > MAX_PENDING) {
        pending.splice(0, pending.length - MAX_PENDING);
        log.warn('realtime: NOTIFY backlog full, oldest events dropped for other instances');
      }
      sending ??= sendPending();
    },
    async close() {
      closed = true;
      await sending;
      await unlisten().catch(() => {});
    },
  };
}

/** the events of one notification: a batch (array), or a single event from an older instance */
function parseEnvelopes(text: string, ownOrigin: string): Envelope[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.flatMap((item) => {
    const envelope = parseEnvelope(item, ownOrigin);
    return envelope ? [envelope] : [];
  });
}

function parseEnvelope(parsed: unknown, ownOrigin: string): Envelope | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { origin, businessId, event, payload } = parsed as Record<string, unknown>;
  if (origin === ownOrigin || typeof businessId !== 'string' || !isRealtimeEvent(event)) return null;
  return { businessId, event, payload: scrubPayload(payload) };
}
