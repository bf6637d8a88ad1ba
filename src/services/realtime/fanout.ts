// Cross-instance delivery over Postgres LISTEN/NOTIFY on the database every instance already shares.
// Each instance delivers its own events locally at once and NOTIFYs the others; a listener
// ignores the notifications it sent itself. Notifications are sent one after another so the
// other instances see events in the order they were emitted (NOTIFY is delivered in commit order).
import { randomUUID } from 'node:crypto';
import type { Sql } from '../../db/client';
import type { Logger } from '../../log';
import { isRealtimeEvent, type RealtimeEvent } from '.';
import { scrubPayload, type EventPayload } from './payload';

export const FANOUT_CHANNEL = 'pawtimation_realtime';
/** Postgres refuses NOTIFY payloads of 8000 bytes or more */
const NOTIFY_LIMIT_BYTES = 7900;

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

export async function startPostgresFanout(sql: Sql, log: Logger, onRemote: (envelope: Envelope) => void): Promise<Fanout> {
  const origin = randomUUID();

  const { unlisten } = await sql.listen(FANOUT_CHANNEL, (text) => {
    const envelope = parseEnvelope(text, origin);
    if (!envelope) return;
    try {
      onRemote(envelope);
    } catch (e) {
      log.error('realtime: delivering a remote event failed', { error: e, event: envelope.event });
    }
  });

  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  return {
    publish(envelope) {
      if (closed) return;
      let text = JSON.stringify({ origin, ...envelope });
      // never lose the event itself: the frontend only needs its name
      if (Buffer.byteLength(text) > NOTIFY_LIMIT_BYTES) text = JSON.stringify({ origin, ...envelope, payload: {} });
      queue = queue
        .then(() => sql.notify(FANOUT_CHANNEL, text))
        .catch((e) => log.warn('realtime: NOTIFY failed, other instances miss this event', { error: e, event: envelope.event }));
    },
    async close() {
      closed = true;
      await queue;
      await unlisten().catch(() => {});
    },
  };
}

function parseEnvelope(text: string, ownOrigin: string): Envelope | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { origin, businessId, event, payload } = parsed as Record<string, unknown>;
  if (origin === ownOrigin || typeof businessId !== 'string' || !isRealtimeEvent(event)) return null;
  return { businessId, event, payload: scrubPayload(payload) };
}
