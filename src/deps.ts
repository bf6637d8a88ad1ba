// Everything a route needs, built once per process (or per test) and passed down explicitly.
import { createGuards, type Guards } from './auth/guards';
import { createPasswordVerifier, type PasswordVerifier } from './auth/password';
import { createTokenService, type TokenService } from './auth/tokens';
import { createCalendarCache, type CalendarCache } from './cache/calendar-cache';
import { createListCache, type ListCache } from './cache/list-cache';
import type { Config } from './config';
import type { Db } from './db/client';
import type { Logger } from './log';
import { createGeocoder, type Geocoder } from './services/geocoding';
import { createEmailService, type EmailService } from './services/email';
import { silentRealtime, type Realtime } from './services/realtime';

export interface AppDeps {
  config: Readonly<Config>;
  db: Db;
  log: Logger;
  tokens: TokenService;
  guards: Guards;
  realtime: Realtime;
  geocoder: Geocoder;
  email: EmailService;
  lists: ListCache;
  calendar: CalendarCache;
  passwords: PasswordVerifier;
}

export function buildDeps(config: Readonly<Config>, db: Db, log: Logger, realtime: Realtime = silentRealtime): AppDeps {
  const tokens = createTokenService(config.jwtSecret, config.jwtTtlSeconds);
  return {
    config,
    db,
    log,
    tokens,
    guards: createGuards(tokens, db),
    realtime,
    geocoder: createGeocoder({ mode: config.geocoder, log }),
    email: createEmailService(config, log),
    lists: createListCache(db.q, config.listCacheMaxBytes),
    calendar: createCalendarCache(db.q, config.listCacheMaxBytes),
    passwords: createPasswordVerifier({ rememberSeconds: config.passwordRememberSeconds }),
  };
}
