// The socket.io server at the legacy path /socket.io/, on Bun's own HTTP server through
// @socket.io/bun-engine, and the Realtime that routes emit into.
// Clients only listen: no client event has a handler, so whatever a client sends is ignored
// (frames that do not parse close that one connection inside the engine).
import { Server as Engine, type WebSocketData } from '@socket.io/bun-engine';
import type { WebSocketHandler } from 'bun';
import { Server as SocketIo } from 'socket.io';
import { createTokenService } from '../../auth/tokens';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Logger } from '../../log';
import type { Realtime } from '.';
import { ANONYMOUS_ROOM, clientRoom, createAudience, memberRoom } from './audience';
import { startPostgresFanout, type Envelope } from './fanout';
import { scrubPayload } from './payload';
import { allowedOrigins } from '../../http/security';

export const SOCKET_IO_PATH = '/socket.io/';

export interface RealtimeServer extends Realtime {
  /** whether Bun.serve should hand this request to socket.io rather than the HTTP app */
  owns(request: Request): boolean;
  handle(request: Request, server: Bun.Server<WebSocketData>): Promise<Response>;
  /** the Bun.serve options socket.io needs: its WebSocket handlers and an idle timeout above the poll interval */
  serveOptions: { websocket: WebSocketHandler<WebSocketData>; idleTimeout: number };
  /** disconnects every socket (clients reconnect elsewhere); events can still be emitted */
  disconnectAll(): Promise<void>;
  /** stops cross-instance delivery once queued notifications are sent */
  close(): Promise<void>;
}

export async function startRealtimeServer(config: Readonly<Config>, db: Db, log: Logger): Promise<RealtimeServer> {
  const trustedOrigins = [...allowedOrigins(config)];
  const engine = new Engine({
    path: SOCKET_IO_PATH,
    cors: { origin: trustedOrigins, credentials: true },
  });
  const io = new SocketIo({ serveClient: false });
  io.bind(engine);

  const audience = createAudience({ tokens: createTokenService(config.jwtSecret, config.jwtTtlSeconds), db, log, trustedOrigins });
  io.use((socket, next) => {
    audience.roomFor(socket.handshake).then(
      (room) => {
        socket.data.room = room;
        next();
      },
      (e) => {
        log.warn('realtime: handshake check failed, socket treated as anonymous', { error: e });
        socket.data.room = ANONYMOUS_ROOM;
        next();
      },
    );
  });
  io.on('connection', (socket) => {
    socket.join(socket.data.room as string);
  });

  const deliver = ({ businessId, event, payload }: Envelope) => {
    io.to(memberRoom(businessId)).emit(event, payload);
    io.to([clientRoom(businessId), ANONYMOUS_ROOM]).emit(event, {});
  };
  const fanout = await startPostgresFanout(db.sql, log, deliver);

  const { websocket, idleTimeout } = engine.handler();
  return {
    emit(businessId, event, payload) {
      const envelope = { businessId, event, payload: scrubPayload(payload) };
      deliver(envelope);
      fanout.publish(envelope);
    },
    owns: (request) => new URL(request.url).pathname === SOCKET_IO_PATH,
    handle: (request, server) => engine.handleRequest(request, server),
    serveOptions: { websocket, idleTimeout },
    disconnectAll: () => io.close(),
    close: () => fanout.close(),
  };
}
