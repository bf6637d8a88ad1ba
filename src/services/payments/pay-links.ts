// Pay links: PUBLIC_BASE_URL/pay/<token>, where the token is a JWS naming one invoice.
//
// The token carries only the invoice id and an audience: no personal data, no expiry (it is printed
// on PDFs and in emails that clients open months later). It is deterministic (no iat, no nonce),
// so the same invoice always gets the same URL, wherever and however often it is computed.
// It is signed with a key derived from JWT_SECRET for this purpose only, so a pay token can never
// pass as a login token (and the reverse). Rotating JWT_SECRET revokes every pay link.
import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../../config';

type PayLinkConfig = Pick<Config, 'jwtSecret' | 'publicBaseUrl'>;

const AUDIENCE = 'pawtimation:pay';
const keys = new Map<string, Promise<Uint8Array>>();

function payLinkKey(jwtSecret: string): Promise<Uint8Array> {
  let key = keys.get(jwtSecret);
  if (!key) {
    key = (async () => {
      const hmac = await crypto.subtle.importKey('raw', new TextEncoder().encode(jwtSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return new Uint8Array(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode('pawtimation pay-link key v1')));
    })();
    keys.set(jwtSecret, key);
  }
  return key;
}

export async function payTokenFor(config: PayLinkConfig, invoiceId: string): Promise<string> {
  return new SignJWT({ inv: invoiceId })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .sign(await payLinkKey(config.jwtSecret));
}

/** The invoice's `paymentUrl`: replaces the legacy stub https://pay.stripe.com/link/<id>. */
export async function payLinkFor(config: PayLinkConfig, invoiceId: string): Promise<string> {
  return `${config.publicBaseUrl}/pay/${await payTokenFor(config, invoiceId)}`;
}

/** The invoice id a pay token names, or null when it does not verify. */
export async function invoiceIdFromPayToken(config: PayLinkConfig, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, await payLinkKey(config.jwtSecret), { algorithms: ['HS256'], audience: AUDIENCE });
    return typeof payload.inv === 'string' && payload.inv ? payload.inv : null;
  } catch {
    return null;
  }
}
