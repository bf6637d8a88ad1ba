// GPX 1.1 export of a stored walking route (bookings-jobs.md §7.2), byte for byte as legacy wrote it.

export interface GpxRoute {
  coordinates: [number, number][];
  distanceMeters: number;
  durationMinutes: number;
}

/** a client name made safe for a file name: every character outside [A-Za-z0-9] becomes "_" */
export const gpxSafeName = (clientName: string | null | undefined) =>
  clientName === null || clientName === undefined ? 'client' : clientName.replace(/[^A-Za-z0-9]/g, '_');

/** safeName comes from gpxSafeName, so it needs no XML escaping */
export function gpxDocument(route: GpxRoute, safeName: string, now: Date): string {
  const title = `${safeName} Walking Route`;
  const km = (route.distanceMeters / 1000).toFixed(2);
  const points = route.coordinates.map(
    ([lng, lat]) => `      <trkpt lat="${Number(lat).toFixed(6)}" lon="${Number(lng).toFixed(6)}"></trkpt>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Pawtimation CRM" xmlns="http://www.topografix.com/GPX/1/1">',
    '  <metadata>',
    `    <name>${title}</name>`,
    `    <desc>Dog walking route (${km} km, ${route.durationMinutes} min)</desc>`,
    `    <time>${now.toISOString()}</time>`,
    '  </metadata>',
    '  <trk>',
    `    <name>${title}</name>`,
    '    <type>walking</type>',
    '    <trkseg>',
    ...points,
    '    </trkseg>',
    '  </trk>',
    '</gpx>',
  ].join('\n');
}
