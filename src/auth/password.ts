// bcrypt, cost 10 like legacy, so hashes move freely between the two systems.
export const hashPassword = (plain: string) => Bun.password.hash(plain, { algorithm: 'bcrypt', cost: 10 });

async function bcryptMatches(plain: string, hash: string): Promise<boolean> {
  try {
    return await Bun.password.verify(plain, hash, 'bcrypt');
  } catch {
    return false;
  }
}

export interface PasswordVerifier {
  verify(plain: string, hash: string | null | undefined): Promise<boolean>;
}

export interface PasswordVerifierOptions {
  /** how long a password that verified is remembered; 0 remembers nothing */
  rememberSeconds: number;
  maxRemembered?: number;
  now?: () => number;
  /** the bcrypt compare (tests count its calls) */
  compare?: (plain: string, hash: string) => Promise<boolean>;
}

/**
 * bcrypt verification that remembers recent successes. One compare at cost 10 takes ~55 ms of a
 * core, so two cores verify at most ~38 passwords a second; an account that signs in again and again
 * (several devices, several tabs) would queue everyone's logins behind those compares.
 * What is remembered is an HMAC-SHA-256 of (stored hash, password) under a random key that exists
 * only in this process's memory: never the password, never stored. A changed password has a new
 * hash, so it misses; a wrong password never matches a remembered digest and always pays bcrypt,
 * so guessing costs what it did (and stays rate-limited). Oldest entries go first when full.
 */
export function createPasswordVerifier({
  rememberSeconds,
  maxRemembered = 10_000,
  now = Date.now,
  compare = bcryptMatches,
}: PasswordVerifierOptions): PasswordVerifier {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const expiries = new Map<string, number>(); // digest -> expiry (ms), in insertion order
  const digestOf = (plain: string, hash: string) => new Bun.CryptoHasher('sha256', key).update(`${hash}\u0000${plain}`).digest('base64');

  function remember(digest: string) {
    expiries.delete(digest);
    expiries.set(digest, now() + rememberSeconds * 1000);
    for (const [oldest] of expiries) {
      if (expiries.size <= maxRemembered) break;
      expiries.delete(oldest);
    }
  }

  return {
    async verify(plain, hash) {
      if (!hash) return false;
      if (rememberSeconds <= 0) return compare(plain, hash);
      const digest = digestOf(plain, hash);
      const expiry = expiries.get(digest);
      if (expiry !== undefined && expiry > now()) return true;
      const ok = await compare(plain, hash);
      if (ok) remember(digest);
      else expiries.delete(digest);
      return ok;
    },
  };
}
