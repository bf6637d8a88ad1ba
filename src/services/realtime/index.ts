// Real-time events for the frontend's DataRefreshContext. Routes call emit() after a committed
// change; the socket.io server (when attached) delivers to that business's room only.

export type RealtimeEvent =
  | 'booking:created'
  | 'booking:updated'
  | 'booking:deleted'
  | 'invoice:created'
  | 'invoice:updated'
  | 'stats:changed';

export interface Realtime {
  emit(businessId: string, event: RealtimeEvent, payload: Record<string, unknown>): void;
}

/** Used until a socket.io server is attached (tests that do not listen, scripts). */
export const silentRealtime: Realtime = { emit() {} };
