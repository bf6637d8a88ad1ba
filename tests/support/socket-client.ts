// A real socket.io-client 4 that records every event it hears, connected like the legacy frontend
// (DataRefreshContext: websocket first, polling as fallback, emits nothing).
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

export type Heard = [event: string, payload: unknown];

export interface RecordingSocket {
  socket: Socket;
  /** every event heard so far, in order */
  heard: Heard[];
  /** resolves with the next event heard (one not yet returned by next()) */
  next(): Promise<Heard>;
  close(): void;
}

export async function connectSocket(
  base: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<RecordingSocket> {
  const socket = io(base, { transports: ['websocket', 'polling'], reconnection: false, forceNew: true, ...options });
  const heard: Heard[] = [];
  let read = 0;
  let waiting: (() => void) | null = null;
  socket.onAny((event: string, payload: unknown) => {
    heard.push([event, payload]);
    waiting?.();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    heard,
    async next() {
      while (read >= heard.length) await new Promise<void>((r) => (waiting = r));
      return heard[read++];
    },
    close: () => socket.close(),
  };
}
