// The legacy `token` cookie. When the frontend lives on another https origin the browser only
// sends it cross-site with SameSite=None; Secure.
import type { Config } from '../config';

function crossSiteHttps(config: Pick<Config, 'frontendBaseUrl' | 'publicBaseUrl'>): boolean {
  const front = new URL(config.frontendBaseUrl);
  return front.protocol === 'https:' && front.origin !== new URL(config.publicBaseUrl).origin;
}

export function tokenCookie(config: Pick<Config, 'frontendBaseUrl' | 'publicBaseUrl'>, token: string): string {
  return `token=${token}; Path=/; HttpOnly; ${crossSiteHttps(config) ? 'Secure; SameSite=None' : 'SameSite=Lax'}`;
}

export function clearedTokenCookie(config: Pick<Config, 'frontendBaseUrl' | 'publicBaseUrl'>): string {
  const same = crossSiteHttps(config) ? 'Secure; SameSite=None' : 'SameSite=Lax';
  return `token=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${same}`;
}
