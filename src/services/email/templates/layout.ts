// The one branded layout every email uses. A template describes its content as blocks of plain text;
// this module turns them into the HTML and the plain-text twin, escaping every value on the way, so no
// template ever writes markup around user-supplied text.

export interface Brand {
  name: string;
  /** a validated #rgb / #rrggbb colour */
  primaryColor: string;
  /** an http(s) URL, or null for no logo */
  logoUrl: string | null;
  contactEmail: string | null;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'details'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'lines'; lines: readonly string[] };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface EmailContent {
  subject: string;
  heading: string;
  blocks: readonly Block[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);

/** a header value: a name with a line break in it must not break the subject line */
const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim();

export function renderEmail(brand: Brand, content: EmailContent): RenderedEmail {
  return { subject: oneLine(content.subject), html: renderHtml(brand, content), text: renderText(brand, content) };
}

function renderHtml(brand: Brand, { heading, blocks }: EmailContent): string {
  const colour = brand.primaryColor;
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" height="40" style="display:block;max-height:40px;margin:0 0 8px">`
    : '';
  const body = blocks.map((b) => htmlBlock(b, colour)).join('\n');
  const contact = brand.contactEmail
    ? ` · <a href="mailto:${escapeHtml(brand.contactEmail)}" style="color:#64748b">${escapeHtml(brand.contactEmail)}</a>`
    : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:24px;background:#f1f5f9;font-family:Helvetica,Arial,sans-serif;color:#1e293b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td style="background:${colour};padding:20px 24px;color:#ffffff">${logo}<div style="font-size:18px;font-weight:bold">${escapeHtml(brand.name)}</div></td></tr>
<tr><td style="padding:24px">
<h1 style="margin:0 0 16px;font-size:20px;color:#1e293b">${escapeHtml(heading)}</h1>
${body}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e2e8f0;font-size:12px;color:#64748b">${escapeHtml(brand.name)}${contact}</td></tr>
</table>
</body></html>`;
}

function htmlBlock(block: Block, colour: string): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(block.text)}</p>`;
    case 'details':
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:4px 16px 4px 0;color:#64748b;vertical-align:top">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'button':
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:12px 20px;background:${colour};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">${escapeHtml(block.label)}</a></p>`;
    case 'lines':
      return `<div style="margin:0 0 16px;padding:12px;background:#f8fafc;border-radius:6px;font-size:14px;line-height:1.5">${block.lines
        .map(escapeHtml)
        .join('<br>')}</div>`;
  }
}

function renderText(brand: Brand, { heading, blocks }: EmailContent): string {
  const parts = [heading, ...blocks.map(textBlock), `${brand.name}${brand.contactEmail ? ` · ${brand.contactEmail}` : ''}`];
  return parts.join('\n\n') + '\n';
}

function textBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'details':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'button':
      return `${block.label}: ${block.url}`;
    case 'lines':
      return block.lines.join('\n');
  }
}
