// Users: the legacy repo functions behind login and the session (data-model.md §3.2.3).
import type { Db } from '../db/client';
import type { LoginUserRow, SessionUser } from '../db/queries/users';

export function usersRepo(db: Db) {
  return {
    /** first user in creation order whose email matches case-insensitively */
    getUserByEmail: (email: string): Promise<LoginUserRow | null> => db.q.users.getByEmail(email),

    /** the legacy public user (login, register, /api/auth/me) */
    getSessionUser: (userId: string): Promise<SessionUser | null> => db.q.users.session(userId),
  };
}
