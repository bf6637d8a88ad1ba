// A business's branding for email, read from its stored settings and checked: the colour goes into
// a style attribute and the logo into an img src, so anything that is not a plain colour or an
// http(s) URL falls back to the default (legacy logos are usually data: URLs, which mail clients block).
import type { Brand } from './layout';

export const DEFAULT_PRIMARY_COLOR = '#00a58a';
const PLATFORM_NAME = 'Pawtimation';

const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/;

const section = (settings: unknown, key: string): Record<string, unknown> => {
  const v = settings && typeof settings === 'object' ? (settings as Record<string, unknown>)[key] : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
};

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function httpUrl(v: unknown): string | null {
  const s = text(v);
  if (!s) return null;
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function brandOf(businessName: string | null, settings: unknown): Brand {
  const branding = section(settings, 'branding');
  const colour = text(branding.primaryColor);
  const contactEmail = text(section(settings, 'profile').contactEmail);
  return {
    name: text(businessName) || PLATFORM_NAME,
    primaryColor: COLOUR.test(colour) ? colour : DEFAULT_PRIMARY_COLOR,
    logoUrl: httpUrl(branding.logoUrl),
    contactEmail: EMAIL.test(contactEmail) ? contactEmail : null,
  };
}

/** the platform's own brand, for mail that belongs to no business */
export const platformBrand = (): Brand => brandOf(PLATFORM_NAME, {});
