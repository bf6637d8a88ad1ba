// /api/auth: register, login, logout, the session user (auth-accounts-staff-settings.md §6.2).
// The dev backdoors (dev/make-admin, dev/create-business) are not served (POLICY 4 and 5).
import { Elysia } from 'elysia';
import { clearedTokenCookie, tokenCookie } from '../auth/cookie';
import { hashPassword } from '../auth/password';
import type { AppDeps } from '../deps';
import { badRequest, HttpError, unauthenticated } from '../http/errors';
import { linkClientOnLogin } from '../repo/client-login-link';
import { usersRepo } from '../repo/users';
import { objectBody, stringField } from '../http/body';

// POLICY 4: legacy stored any body role. The owner of a new business is ADMIN (the default) or
// `companion` (what Register.jsx sends for ?role=companion); nothing else may be chosen.
const REGISTER_ROLES = new Set(['ADMIN', 'companion']);

function registerRole(input: Record<string, unknown>): string {
  const role = stringField(input, 'role') || 'ADMIN';
  if (!REGISTER_ROLES.has(role)) throw badRequest('invalid_role');
  return role;
}

export const authRoutes = (deps: AppDeps) => {
  const users = usersRepo(deps.db);
  const invalidCredentials = () => new HttpError(401, 'invalid_credentials');

  return new Elysia({ name: 'auth', prefix: '/api/auth' })
    .get('/health', () => ({ ok: true }))
    .post('/register', async ({ body, set }) => {
      const input = objectBody(body);
      const email = stringField(input, 'email').toLowerCase();
      const password = stringField(input, 'password');
      if (!email || !password) throw badRequest('email_password_required');
      const name = stringField(input, 'name');
      const phone = stringField(input, 'mobile');
      const role = registerRole(input);

      const passHash = await hashPassword(password);
      const userId = await users.registerOwner({ email, passHash, name, role, phone });
      if (!userId) throw new HttpError(409, 'email_exists');
      const session = await users.getSessionUser(userId);
      // POLICY 4: legacy made every @aj-beattie.com address a platform admin; registration never does
      const token = await deps.tokens.sign({ sub: userId, email, isAdmin: false });
      set.headers['set-cookie'] = tokenCookie(deps.config, token);
      return { token, user: session };
    })
    .post('/login', async ({ body, set }) => {
      const input = objectBody(body);
      const email = stringField(input, 'email').toLowerCase();
      const password = stringField(input, 'password');
      if (!email || !password) throw badRequest('email_password_required');

      const user = await users.getUserByEmail(email);
      // verify against a throwaway hash when the user is unknown, so both failures take as long
      const ok = await deps.passwords.verify(password, user?.passHash ?? (await unknownUserHash()));
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
