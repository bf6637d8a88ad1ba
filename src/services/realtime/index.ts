// Real-time events for the frontend's DataRefreshContext. Routes call emit() after a committed
// change; the socket.io server (socket-server.ts, when attached) delivers to that business's room only.

/** the legacy event names the frontend listens to (realtime-events.md §3.1) */
export const REALTIME_EVENTS = [
  'booking:created',
  'booking:updated',
  'booking:deleted',
  'invoice:created',
  'invoice:updated',
  'stats:changed',
] as const;

export type RealtimeEvent = (typeof REALTIME_EVENTS)[number];

export interface Realtime {
  emit(businessId: string, event: RealtimeEvent, payload: Record<string, unknown>): void;
}

/** Used until a socket.io server is attached (tests that do not listen, scripts). */
export const silentRealtime: Realtime = { emit() {} };

export const isRealtimeEvent = (name: unknown): name is RealtimeEvent =>
  typeof name === 'string' && (REALTIME_EVENTS as readonly string[]).includes(name);
