// The stripe-node client, built from config. STRIPE_API_URL (a local fake, stripe-mock) becomes the
// SDK's host/port/protocol; without it the SDK talks to api.stripe.com.
import Stripe from 'stripe';
import type { Config } from '../../config';

export function createStripeClient(config: Pick<Config, 'stripeSecretKey' | 'stripeApiUrl'>): Stripe {
  return new Stripe(config.stripeSecretKey, {
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'pawtimation-api' },
    ...apiEndpoint(config.stripeApiUrl),
  });
}

function apiEndpoint(apiUrl: string | null) {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol } as const;
}
