// Which room a socket joins, decided once at the handshake from the credentials it presents.
// Staff and admins of a business hear its events with their (id/status-only) payloads; client
// users of that business and anonymous sockets hear the event names only, so the legacy
// frontend, which never reads payloads, still refreshes.
import { readToken, type TokenService } from '../../auth/tokens';
import type { Db } from '../../db/client';
import type { Logger } from '../../log';

export const ANONYMOUS_ROOM = 'anonymous';
export const memberRoom = (businessId: string) => `business:${businessId}`;
export const clientRoom = (businessId: string) => `business:${businessId}:clients`;

export interface Handshake {
  headers: Record<string, string | string[] | undefined>;
  auth: Record<string, unknown>;
}

export interface AudienceOptions {
  tokens: TokenService;
  db: Db;
  log: Logger;
  /** origins whose pages may use the ambient `token` cookie (besides the server's own host) */
  trustedOrigins: readonly string[];
}

export function createAudience({ tokens, db, log, trustedOrigins }: AudienceOptions) {
  // The cookie rides along with any page's WebSocket, so only a trusted page may use it;
  // an explicit auth.token or Authorization header proves the caller holds the token itself.
  function cookieTrusted(headers: Headers): boolean {
    const origin = headers.get('origin');
    if (!origin) return true;
    if (trustedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === headers.get('host');
    } catch {
      return false;
    }
  }

  function presentedToken(handshake: Handshake): string {
    const explicit = handshake.auth?.token;
    if (typeof explicit === 'string' && explicit) return explicit.replace(/^Bearer /, '');
    const headers = new Headers();
    for (const [name, value] of Object.entries(handshake.headers ?? {})) {
      if (typeof value === 'string') headers.set(name, value);
    }
    if (!cookieTrusted(headers)) headers.delete('cookie');
    return readToken(headers);
  }

  return {
    async roomFor(handshake: Handshake): Promise<string> {
      const token = presentedToken(handshake);
      if (!token) return ANONYMOUS_ROOM;
      const claims = await tokens.verify(token);
      if (!claims) return ANONYMOUS_ROOM;
      const user = await db.q.users.getForAuth(claims.sub).catch((e) => {
        log.warn('realtime: user lookup failed, socket treated as anonymous', { error: e });
        return null;
      });
      if (!user?.businessId) return ANONYMOUS_ROOM;
      return user.role.toLowerCase() === 'client' ? clientRoom(user.businessId) : memberRoom(user.businessId);
    },
  };
}
