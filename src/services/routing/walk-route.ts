// Circular walking routes (bookings-jobs.md §7.1): eight points on a circle around the client's
// home whose circumference is the walk's target distance, then the home itself.

const EARTH_RADIUS_M = 6_378_137;
const POINTS_ON_CIRCLE = 8;

export interface WalkRoute {
  geojson: {
    type: 'Feature';
    geometry: { type: 'LineString'; coordinates: [number, number][] };
    properties: { name: string; distance: number; duration: number };
  };
  distanceMeters: number;
  durationMinutes: number;
  generatedAt: string;
}

/** target distance in km by walk length: 30 → 2, 60 → 4, 90 → 6.5, anything else → 2 */
function targetKm(durationMinutes: number): number {
  if (durationMinutes === 60) return 4;
  if (durationMinutes === 90) return 6.5;
  return 2;
}

const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

/** the point at `distanceM` from (lat, lng) on a bearing (radians, 0 = north, clockwise), as [lng, lat] */
function destination(lat: number, lng: number, bearing: number, distanceM: number): [number, number] {
  const φ1 = toRad(lat);
  const λ1 = toRad(lng);
  const δ = distanceM / EARTH_RADIUS_M;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(bearing));
  const λ2 = λ1 + Math.atan2(Math.sin(bearing) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return [toDeg(λ2), toDeg(φ2)];
}

export function circularWalkRoute(lat: number, lng: number, durationMinutes: number, now: Date): WalkRoute {
  const distance = targetKm(durationMinutes) * 1000;
  const radius = distance / (2 * Math.PI);
  const coordinates: [number, number][] = [];
  for (let i = 0; i < POINTS_ON_CIRCLE; i++) {
    coordinates.push(destination(lat, lng, (i / POINTS_ON_CIRCLE) * 2 * Math.PI, radius));
  }
  // legacy ends the line at the home, not at the first point of the circle
  coordinates.push([lng, lat]);
  return {
    geojson: {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: { name: 'Walking Route', distance, duration: durationMinutes },
    },
    distanceMeters: Math.round(distance),
    durationMinutes,
    generatedAt: now.toISOString(),
  };
}
