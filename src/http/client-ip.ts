// The client address of a request. Bun knows it only at the listener, so server.ts remembers it
// per Request; X-Forwarded-For counts only when TRUST_PROXY says a proxy of ours sets it.
import type { Server } from 'bun';

const addresses = new WeakMap<Request, string>();

export function rememberClientIp(request: Request, server: Server<unknown>): void {
  const address = server.requestIP(request)?.address;
  if (address) addresses.set(request, address);
}

export function clientIp(request: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return addresses.get(request) ?? 'unknown';
}
