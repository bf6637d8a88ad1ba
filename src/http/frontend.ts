// The built web app (WEB_DIST_DIR), served like legacy: its files at their paths, and for any
// other URL outside /api, with any method, index.html with 200 so the browser router takes over.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';

export interface Frontend {
  /** the response for an unmatched non-/api request, or null when there is no built app */
  respond(request: Request): Response | null;
}

export function createFrontend(dir: string | null): Frontend {
  if (!dir) return { respond: () => null };
  const root = resolve(dir);
  const indexPath = join(root, 'index.html');
  // read once at startup, as legacy did
  const index = existsSync(indexPath) ? readFileSync(indexPath) : null;

  const fileFor = (pathname: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    const candidate = normalize(join(root, decoded));
    if (!candidate.startsWith(root + '/')) return null;
    return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
  };

  return {
    respond(request) {
      const { pathname } = new URL(request.url);
      if (request.method === 'GET' || request.method === 'HEAD') {
        const file = pathname === '/' ? (index ? indexPath : null) : fileFor(pathname);
        if (file) {
          const body = Bun.file(file);
          return new Response(body, { headers: { 'content-type': body.type } });
        }
      }
      if (!index) return null;
      return new Response(index, { status: 200, headers: { 'content-type': 'text/html' } });
    },
  };
}
