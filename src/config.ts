// Reads the environment once, validates it, and returns a frozen config.
// Every problem is collected so one run names all of them.

export type EmailProvider = 'sendgrid' | 'log';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  nodeEnv: string;
  production: boolean;
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  stripeSecretKey: string;
  stripeWebhookSecret: string;
  stripeApiUrl: string | null;
  frontendBaseUrl: string;
  corsOrigins: readonly string[];
  publicBaseUrl: string;
  emailProvider: EmailProvider;
  sendgridApiKey: string | null;
  sendgridApiUrl: string | null;
  emailFrom: string | null;
  emailSandbox: boolean;
  supportEmail: string | null;
  rateLimitLoginPerMin: number;
  rateLimitPublicPerMin: number;
  trustProxy: boolean;
  geocoder: 'nominatim' | 'off';
  webDistDir: string | null;
  logLevel: LogLevel;
  /** bytes of rendered JSON responses kept per instance (src/cache/list-cache.ts), and again of calendar masters (src/cache/calendar-cache.ts) */
  listCacheMaxBytes: number;
  /** how long login remembers a password that verified (src/auth/password.ts); 0: never */
  passwordRememberSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const required = (name: string, why: string) => {
    const v = value(name);
    if (!v) problems.push(`${name} is required (${why})`);
    return v ?? '';
  };
  const integer = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number between ${min} and ${max}, got "${v}"`);
      return fallback;
    }
    return n;
  };
  const flag = (name: string) => ['1', 'true', 'yes'].includes((value(name) ?? '').toLowerCase());
  const url = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    try {
      new URL(v);
      return v.replace(/\/+$/, '');
    } catch {
      problems.push(`${name} must be a URL, got "${v}"`);
      return undefined;
    }
  };

  const nodeEnv = value('NODE_ENV') ?? 'development';
  const production = nodeEnv === 'production';
  const port = integer('PORT', 8787, 0, 65535);

  const databaseUrl = required('DATABASE_URL', 'postgres://user:pass@host:5432/db');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }

  const jwtSecret = required('JWT_SECRET', 'at least 32 random characters');
  if (jwtSecret && jwtSecret.length < 32) {
    problems.push(`JWT_SECRET must be at least 32 characters (got ${jwtSecret.length})`);
  }

  const stripeSecretKey = required('STRIPE_SECRET_KEY', 'sk_test_... from the Stripe dashboard');
  if (stripeSecretKey) {
    if (stripeSecretKey.startsWith('sk_live_')) {
      if (!flag('STRIPE_LIVE')) problems.push('STRIPE_SECRET_KEY is a live key; set STRIPE_LIVE=true to allow it');
    } else if (!stripeSecretKey.startsWith('sk_test_')) {
      problems.push('STRIPE_SECRET_KEY must start with sk_test_ (or sk_live_ with STRIPE_LIVE=true)');
    }
  }
  const stripeWebhookSecret = required('STRIPE_WEBHOOK_SECRET', 'whsec_... from `stripe listen` or the dashboard');
  if (stripeWebhookSecret && !stripeWebhookSecret.startsWith('whsec_')) {
    problems.push('STRIPE_WEBHOOK_SECRET must start with whsec_');
  }

  let frontendBaseUrl = url('FRONTEND_BASE_URL', value('FRONTEND_BASE_URL'));
  if (!frontendBaseUrl) {
    if (production && !value('FRONTEND_BASE_URL')) problems.push('FRONTEND_BASE_URL is required when NODE_ENV=production');
    frontendBaseUrl = 'http://localhost:5173';
  }
  const corsOrigins = (value('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => url('CORS_ORIGINS', o))
    .filter((o): o is string => Boolean(o));

  const publicBaseUrl = url('PUBLIC_BASE_URL', value('PUBLIC_BASE_URL')) ?? `http://localhost:${port}`;

  const sendgridApiKey = value('SENDGRID_API_KEY') ?? null;
  const emailProviderRaw = value('EMAIL_PROVIDER') ?? (sendgridApiKey ? 'sendgrid' : 'log');
  if (emailProviderRaw !== 'sendgrid' && emailProviderRaw !== 'log') {
    problems.push(`EMAIL_PROVIDER must be "sendgrid" or "log", got "${emailProviderRaw}"`);
  }

  const geocoder = value('GEOCODER') ?? 'nominatim';
  if (geocoder !== 'nominatim' && geocoder !== 'off') problems.push(`GEOCODER must be "nominatim" or "off", got "${geocoder}"`);

  const logLevel = (value('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const config: Config = {
    nodeEnv,
    production,
    port,
    databaseUrl,
    jwtSecret,
    jwtTtlSeconds: integer('JWT_TTL', 7 * 24 * 3600, 60),
    stripeSecretKey,
    stripeWebhookSecret,
    stripeApiUrl: url('STRIPE_API_URL', value('STRIPE_API_URL')) ?? null,
    frontendBaseUrl,
    corsOrigins: Object.freeze(corsOrigins),
    publicBaseUrl,
    emailProvider: emailProviderRaw === 'sendgrid' ? 'sendgrid' : 'log',
    sendgridApiKey,
    sendgridApiUrl: url('SENDGRID_API_URL', value('SENDGRID_API_URL')) ?? null,
    emailFrom: value('EMAIL_FROM') ?? null,
    emailSandbox: flag('EMAIL_SANDBOX'),
    supportEmail: value('SUPPORT_EMAIL') ?? null,
    rateLimitLoginPerMin: integer('RATE_LIMIT_LOGIN_PER_MIN', 10, 1),
    rateLimitPublicPerMin: integer('RATE_LIMIT_PUBLIC_PER_MIN', 60, 1),
    trustProxy: flag('TRUST_PROXY'),
    geocoder: geocoder === 'off' ? 'off' : 'nominatim',
    webDistDir: value('WEB_DIST_DIR') ?? null,
    logLevel: LOG_LEVELS.includes(logLevel) ? logLevel : 'info',
    listCacheMaxBytes: integer('LIST_CACHE_MAX_BYTES', 64 * 1024 * 1024),
    passwordRememberSeconds: integer('PASSWORD_REMEMBER_SECONDS', 600, 0, 86_400),
  };

  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config);
}
