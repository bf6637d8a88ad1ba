// The token service remembers tokens that verified (src/auth/tokens.ts): a remembered token still
// expires on time, and any other text (a forged signature, a changed claim) is verified afresh.
import { describe, expect, test } from 'bun:test';
import { createTokenService } from '../src/auth/tokens';

const SECRET = 'tokens-test-secret-0123456789abcdef0123456789';

function clocked(ttlSeconds: number) {
  let clock = Date.UTC(2030, 0, 1);
  const tokens = createTokenService(SECRET, ttlSeconds, () => clock);
  return { tokens, advance: (ms: number) => (clock += ms) };
}

describe('createTokenService', () => {
  test('a token verifies again and again until its expiry, then never', async () => {
    const { tokens, advance } = clocked(60);
    const token = await tokens.sign({ sub: 'u_1', email: 'a@example.com', isAdmin: false });
    expect(await tokens.verify(token)).toMatchObject({ sub: 'u_1', email: 'a@example.com', isAdmin: false });
    advance(59_000);
    expect((await tokens.verify(token))?.sub).toBe('u_1');
    advance(1_000);
    expect(await tokens.verify(token)).toBeNull();
    expect(await tokens.verify(token)).toBeNull();
  });

  test('a remembered token does not vouch for a forged one: changed payload or signature is refused', async () => {
    const { tokens } = clocked(60);
    const token = await tokens.sign({ sub: 'u_1', email: 'a@example.com', isAdmin: false });
    expect(await tokens.verify(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, sub: 'u_admin', isAdmin: true })).toString('base64url');
    expect(await tokens.verify(`${header}.${elevated}.${signature}`)).toBeNull();
    const flipped = signature!.slice(0, -2) + (signature!.endsWith('AA') ? 'BB' : 'AA');
    expect(await tokens.verify(`${header}.${payload}.${flipped}`)).toBeNull();
  });

  test('another secret refuses the token, remembered elsewhere or not', async () => {
    const { tokens } = clocked(60);
    const token = await tokens.sign({ sub: 'u_1', email: '', isAdmin: false });
    expect(await tokens.verify(token)).not.toBeNull();
    expect(await createTokenService(`${SECRET}-other`, 60).verify(token)).toBeNull();
  });
});
