// HS256 JWTs over JWT_SECRET with the legacy claims {sub, email, isAdmin, iat}, plus exp.
// Tokens the legacy server issued (no exp) with the same secret still verify.
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

export interface TokenClaims extends JWTPayload {
  sub: string;
  email?: string;
  isAdmin?: boolean;
}

export interface TokenService {
  sign(claims: { sub: string; email: string; isAdmin: boolean }): Promise<string>;
  /** the claims, or null for anything that does not verify (bad signature, algorithm, expiry, no sub) */
  verify(token: string): Promise<TokenClaims | null>;
}

export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    sign: ({ sub, email, isAdmin }) =>
      new SignJWT({ sub, email, isAdmin })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(key),
    async verify(token) {
      if (!token) return null;
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        return typeof payload.sub === 'string' && payload.sub ? (payload as TokenClaims) : null;
      } catch {
        return null;
      }
    },
  };
}

/** Legacy token source: the `token` cookie first, then Authorization minus its first "Bearer ". */
export function readToken(headers: Headers): string {
  const cookie = readCookie(headers.get('cookie'), 'token');
  if (cookie) return cookie;
  return (headers.get('authorization') ?? '').replace('Bearer ', '');
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
