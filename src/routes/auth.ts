// /api/auth: login, logout, the session user (auth-accounts-staff-settings.md §6.2).
import { Elysia } from 'elysia';
import { clearedTokenCookie, tokenCookie } from '../auth/cookie';
import { hashPassword, verifyPassword } from '../auth/password';
import type { AppDeps } from '../deps';
import { badRequest, HttpError, unauthenticated } from '../http/errors';
import { linkClientOnLogin } from '../repo/client-login-link';
import { usersRepo } from '../repo/users';

const asObject = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

/** legacy defaults a missing field to ""; a present non-string is bad input (legacy crashed with 500) */
function stringField(body: Record<string, unknown>, field: string): string {
  const value = body[field] ?? '';
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  return value;
}

export const authRoutes = (deps: AppDeps) => {
  const users = usersRepo(deps.db);
  const invalidCredentials = () => new HttpError(401, 'invalid_credentials');

  return new Elysia({ name: 'auth', prefix: '/api/auth' })
    .get('/health', () => ({ ok: true }))
    .post('/login', async ({ body, set }) => {
      const input = asObject(body);
      const email = stringField(input, 'email').toLowerCase();
      const password = stringField(input, 'password');
      if (!email || !password) throw badRequest('email_password_required');

      const user = await users.getUserByEmail(email);
      // verify against a throwaway hash when the user is unknown, so both failures take as long
      const ok = await verifyPassword(password, user?.passHash ?? (await unknownUserHash()));
      if (!user || !user.passHash || !ok) throw invalidCredentials();

      await linkClientOnLogin(deps.db, user);
      const session = await users.getSessionUser(user.id);
      if (!session) throw invalidCredentials();
      const token = await deps.tokens.sign({ sub: user.id, email: user.email, isAdmin: Boolean(user.isAdmin) });
      set.headers['set-cookie'] = tokenCookie(deps.config, token);
      return { token, user: session };
    })
    .post('/logout', ({ set }) => {
      set.headers['set-cookie'] = clearedTokenCookie(deps.config);
      return { ok: true };
    })
    .get('/me', async ({ request }) => {
      const user = await deps.guards.user(request.headers);
      const session = await users.getSessionUser(user.id);
      if (!session) throw unauthenticated();
      return { user: session };
    });
};

// a hash of a random secret, checked for unknown emails so both failures cost one bcrypt compare
let unknownHash: Promise<string> | null = null;
const unknownUserHash = () => (unknownHash ??= hashPassword(crypto.randomUUID()));
