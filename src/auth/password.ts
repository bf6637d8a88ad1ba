// bcrypt, cost 10 like legacy, so hashes move freely between the two systems.
export const hashPassword = (plain: string) => Bun.password.hash(plain, { algorithm: 'bcrypt', cost: 10 });

export async function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) return false;
  try {
    return await Bun.password.verify(plain, hash, 'bcrypt');
  } catch {
    return false;
  }
}
