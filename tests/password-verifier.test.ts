// Login's bcrypt verification remembers recent successes (src/auth/password.ts): what is remembered,
// what always pays a compare, and that a changed password is never let through by the memory.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createPasswordVerifier, hashPassword } from '../src/auth/password';
import { createTestApp, type TestApp } from './support/app';

function counted(options: { rememberSeconds: number; maxRemembered?: number }) {
  let clock = 1_000_000;
  const compared: string[] = [];
  const verifier = createPasswordVerifier({
    ...options,
    now: () => clock,
    compare: async (plain, hash) => (compared.push(plain), Bun.password.verify(plain, hash, 'bcrypt')),
  });
  return { verifier, compared, advance: (ms: number) => (clock += ms) };
}

describe('createPasswordVerifier', () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword('right horse');
  });

  test('a password that verified is answered from memory until it expires', async () => {
    const { verifier, compared, advance } = counted({ rememberSeconds: 60 });
    expect(await verifier.verify('right horse', hash)).toBe(true);
    expect(await verifier.verify('right horse', hash)).toBe(true);
    expect(compared).toEqual(['right horse']);
    advance(60_001);
    expect(await verifier.verify('right horse', hash)).toBe(true);
    expect(compared).toEqual(['right horse', 'right horse']);
  });

  test('a wrong password always pays the compare, also after the right one was remembered', async () => {
    const { verifier, compared } = counted({ rememberSeconds: 60 });
    expect(await verifier.verify('right horse', hash)).toBe(true);
    expect(await verifier.verify('wrong horse', hash)).toBe(false);
    expect(await verifier.verify('wrong horse', hash)).toBe(false);
    expect(compared).toEqual(['right horse', 'wrong horse', 'wrong horse']);
  });

  test('the memory is per stored hash: a new hash for the account misses it', async () => {
    const { verifier, compared } = counted({ rememberSeconds: 60 });
    const changed = await hashPassword('new battery');
    expect(await verifier.verify('right horse', hash)).toBe(true);
    expect(await verifier.verify('right horse', changed)).toBe(false);
    expect(await verifier.verify('new battery', changed)).toBe(true);
    expect(compared).toEqual(['right horse', 'right horse', 'new battery']);
  });

  test('0 seconds remembers nothing; a full memory forgets its oldest entry first', async () => {
    const off = counted({ rememberSeconds: 0 });
    await off.verifier.verify('right horse', hash);
    await off.verifier.verify('right horse', hash);
    expect(off.compared).toHaveLength(2);

    const small = counted({ rememberSeconds: 60, maxRemembered: 1 });
    const other = await hashPassword('other staple');
    await small.verifier.verify('right horse', hash);
    await small.verifier.verify('other staple', other);
    await small.verifier.verify('other staple', other);
    await small.verifier.verify('right horse', hash);
    expect(small.compared).toEqual(['right horse', 'other staple', 'right horse']);
  });

  test('no hash (an account without a password) never verifies', async () => {
    const { verifier, compared } = counted({ rememberSeconds: 60 });
    expect(await verifier.verify('anything', null)).toBe(false);
    expect(await verifier.verify('', '')).toBe(false);
    expect(compared).toEqual([]);
  });
});

describe('POST /api/auth/login with a remembered password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (password: string) => t.call('POST', '/api/auth/login', { body: { email: 'admin@demo.com', password } });

  test('after the stored password changes, the old one is refused at once and the new one works', async () => {
    expect((await login('admin123')).status).toBe(200);
    expect((await login('admin123')).status).toBe(200);
    await t.db.sql`UPDATE users SET pass_hash = ${await hashPassword('changed-secret')} WHERE email = 'admin@demo.com'`;
    const old = await login('admin123');
    expect([old.status, old.body]).toEqual([401, { error: 'invalid_credentials' }]);
    expect((await login('changed-secret')).status).toBe(200);
  });
});
