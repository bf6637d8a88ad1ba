// Address -> coordinates through Nominatim (OpenStreetMap), as legacy geocodingService.js did.
// A lookup never fails or stalls the request: any error, a non-2xx answer, an empty result or
// the 2-second timeout gives null, and the caller keeps lat/lng as they were (null offline).
import type { Logger } from '../../log';

export interface Coordinates {
  lat: number;
  lng: number;
}

export interface Geocoder {
  geocode(address: string): Promise<Coordinates | null>;
}

export const NOMINATIM_BASE_URL = 'https://nominatim.openstreetmap.org';
export const GEOCODER_USER_AGENT = 'PawtimationCRM/1.0';
const TIMEOUT_MS = 2000;

export interface GeocoderOptions {
  mode: 'nominatim' | 'off';
  log: Logger;
  /** where Nominatim answers; tests point it at a local fake server */
  baseUrl?: string;
}

export function createGeocoder({ mode, log, baseUrl = NOMINATIM_BASE_URL }: GeocoderOptions): Geocoder {
  if (mode === 'off') return { geocode: async () => null };
  return {
    async geocode(address) {
      const q = address.trim();
      if (!q) return null;
      const url = new URL('/search', baseUrl);
      url.searchParams.set('q', q);
      url.searchParams.set('format', 'json');
      url.searchParams.set('limit', '1');
      try {
        const res = await fetch(url, {
          headers: { 'User-Agent': GEOCODER_USER_AGENT, Accept: 'application/json' },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!res.ok) {
          log.warn('geocoding failed', { status: res.status });
          return null;
        }
        return firstResult(await res.json());
      } catch (error) {
        log.warn('geocoding failed', { error: String((error as Error)?.message ?? error) });
        return null;
      }
    },
  };
}

function firstResult(data: unknown): Coordinates | null {
  const first = Array.isArray(data) ? (data[0] as { lat?: unknown; lon?: unknown } | undefined) : undefined;
  if (!first) return null;
  const lat = parseFloat(String(first.lat));
  const lng = parseFloat(String(first.lon));
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

/** legacy buildFullAddress: the truthy parts of addressLine1, city, postcode joined with ", " */
export function fullAddress(record: { addressLine1?: unknown; city?: unknown; postcode?: unknown }): string {
  return [record.addressLine1, record.city, record.postcode].filter(Boolean).join(', ');
}
