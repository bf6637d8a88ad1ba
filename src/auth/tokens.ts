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

/** how many verified tokens are remembered (each is one signed-in browser or device) */
const REMEMBERED_TOKENS = 10_000;

/**
 * Every authenticated request verifies its token; a browser sends the same one hundreds of times.
 * A token that verified is remembered (the text is the key: any other byte is another key) and only
 * its expiry is checked again, which is all a repeated verification could still find.
 */
export function createTokenService(secret: string, ttlSeconds: number, now: () => number = Date.now): TokenService {
  const key = new TextEncoder().encode(secret);
  const verified = new Map<string, TokenClaims>(); // in insertion order, oldest out first
  const unexpired = (claims: TokenClaims) => claims.exp === undefined || claims.exp * 1000 > now();

  function remember(token: string, claims: TokenClaims) {
    verified.set(token, claims);
    if (verified.size > REMEMBERED_TOKENS) verified.delete(verified.keys().next().value!);
  }

  return {
    sign: ({ sub, email, isAdmin }) =>
      new SignJWT({ sub, email, isAdmin })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(Math.floor(now() / 1000))
        .setExpirationTime(Math.floor(now() / 1000) + ttlSeconds)
        .sign(key),
    async verify(token) {
      if (!token) return null;
      const known = verified.get(token);
      if (known) {
        if (unexpired(known)) return known;
        verified.delete(token);
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date(now()) });
        if (typeof payload.sub !== 'string' || !payload.sub) return null;
        const claims = payload as TokenClaims;
        remember(token, claims);
        return claims;
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
