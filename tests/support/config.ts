import { loadConfig, type Config } from '../../src/config';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** The env a test server runs with: every critical variable set, rate limits out of the way. */
export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    TZ: 'UTC',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    STRIPE_SECRET_KEY: 'sk_test_fake_key_for_tests',
    STRIPE_WEBHOOK_SECRET: 'whsec_test_secret_for_tests',
    GEOCODER: 'off',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_LOGIN_PER_MIN: '100000',
    RATE_LIMIT_PUBLIC_PER_MIN: '100000',
    ...overrides,
  };
}

export const testConfig = (databaseUrl: string, overrides: Record<string, string> = {}): Readonly<Config> =>
  loadConfig(testEnv(databaseUrl, overrides));
