// The small HTML pages a payer sees around Stripe Checkout. Every value from the database is
// escaped; the only script is the status poll, allowed by a per-response CSP nonce.

const DEFAULT_COLOUR = '#00a58a';

export interface PayPage {
  status: number;
  title: string;
  message: string;
  frontendBaseUrl: string;
  businessName?: string;
  brandColor?: string | null;
  invoiceLabel?: string;
  /** shows the invoice status; polls statusUrl until it reads PAID */
  invoiceStatus?: { paid: boolean; statusUrl: string };
  retryUrl?: string;
}

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** settings.branding.primaryColor when it is a plain hex colour, else the default brand colour */
export const brandColour = (value: string | null | undefined) =>
  value && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : DEFAULT_COLOUR;

// JSON inside <script>: no "</script>" or "<!--" can close or confuse the element
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function payPageResponse(page: PayPage): Response {
  const nonce = crypto.randomUUID().replace(/-/g, '');
  return new Response(renderPayPage(page, nonce), {
    status: page.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // the pay token is in the URL: never hand it to Stripe or the frontend as a Referer
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    },
  });
}

function renderPayPage(page: PayPage, nonce: string): string {
  const colour = brandColour(page.brandColor);
  const business = page.businessName ? `<p class="business">${escapeHtml(page.businessName)}</p>` : '';
  const invoice = page.invoiceLabel ? `<p>${escapeHtml(page.invoiceLabel)}</p>` : '';
  const status = page.invoiceStatus ? statusBlock(page.invoiceStatus, nonce) : '';
  const retry = page.retryUrl ? `<a class="button" href="${escapeHtml(page.retryUrl)}">Try again</a>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f7f9;color:#222}
header{background:${colour};color:#fff;padding:16px 24px}
.business{margin:0;font-weight:600;font-size:18px}
main{max-width:480px;margin:32px auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
h1{margin-top:0;color:${colour}}
.status{font-weight:700}
.paid{color:${colour}}
a{color:${colour}}
.button{display:inline-block;margin-right:16px;padding:8px 16px;border-radius:6px;background:${colour};color:#fff;text-decoration:none}
</style>
</head>
<body>
<header>${business || '<p class="business">Pawtimation</p>'}</header>
<main>
<h1>${escapeHtml(page.title)}</h1>
${invoice}
<p>${escapeHtml(page.message)}</p>
${status}
<p>${retry}<a href="${escapeHtml(page.frontendBaseUrl)}">Back to your account</a></p>
</main>
</body>
</html>
`;
}

function statusBlock({ paid, statusUrl }: { paid: boolean; statusUrl: string }, nonce: string): string {
  const shown = paid
    ? '<span id="invoice-status" class="status paid">PAID</span>'
    : '<span id="invoice-status" class="status">Waiting for confirmation…</span>';
  const poll = paid
    ? ''
    : `<script nonce="${nonce}">
(function () {
  var url = ${scriptJson(statusUrl)}, tries = 0, el = document.getElementById('invoice-status');
  function poll() {
    fetch(url, { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (body) {
      if (body && body.status === 'paid') { el.textContent = 'PAID'; el.className = 'status paid'; return; }
      if (++tries < 90) setTimeout(poll, 2000);
      else el.textContent = 'Still waiting: the invoice will show as paid once the payment is confirmed.';
    }, function () { if (++tries < 90) setTimeout(poll, 2000); });
  }
  setTimeout(poll, 1000);
})();
</script>`;
  return `<p>Invoice status: ${shown}</p>\n${poll}`;
}
