// The branded invoice PDF (invoices-finance-stats.md §3). Up to the point where the legacy document
// ran off its single page (15 items with a one-line business and three-line client block) every
// position is the legacy one. Longer invoices continue on further pages: the item table carries on
// under a repeated header, and the totals and payment box move to a new page when they do not fit.
import { PDFDocument, type RGB } from 'pdf-lib';
import { formatIssueDate, formatMoney, type LineForDisplay } from '../../domain/invoices';
import { A4, Canvas, hex, hexColor, lineHeightOf, standardFonts, wrap, type Font, type TextStyle } from './canvas';

export interface InvoicePdfInput {
  /** upper-case invoice number, e.g. "J6NGG72VPYLJ" */
  invoiceNumber: string;
  createdAt: Date;
  totalCents: number;
  items: LineForDisplay[];
  paymentUrl: string | null;
  business: { name: string; address: string; phone: string; email: string; primaryColor: unknown };
  client: { name: string; email: string; phone: string; address: string };
}

const MARGIN = 36;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
/** pdfkit starts a new page for a text line that would end below this */
const BOTTOM = A4.height - MARGIN;
/** the right-hand column the legacy header leaves the text position in */
const RIGHT_X = A4.width - 200;
const RIGHT_WIDTH = 164;
const FOOTER_TOP = A4.height - 50;
/** item rows stay clear of the footer line */
const ROWS_BOTTOM = FOOTER_TOP - 6;

const DEFAULT_PRIMARY = '#0FAE7B';
const CHARCOAL = hex('#222222');
const WHITE = hex('#FFFFFF');
const SOFT_GREY = hex('#F7F7F7');
const BORDER_GREY = hex('#DDDDDD');
const FOOTER_GREY = hex('#999999');

const TABLE = {
  headerHeight: 30,
  rowHeight: 25,
  descriptionWidth: CONTENT_WIDTH * 0.6,
  qtyWidth: CONTENT_WIDTH * 0.15,
  priceWidth: CONTENT_WIDTH * 0.25,
};
const QTY_X = MARGIN + TABLE.descriptionWidth + 10;
const PRICE_X = MARGIN + TABLE.descriptionWidth + TABLE.qtyWidth + 10;

const PAYMENT_BOX_HEIGHT = 80;
/** from the totals' top to the payment box (pdfkit cursor arithmetic of the legacy layout) */
const TOTALS_HEIGHT = 84.58;
/** from the payment box top to the bottom of its last text line (the URL) */
const PAYMENT_TEXT_BOTTOM = 44.41 + 11.56;

/**
 * Legacy wrapped the name across the whole width, through the INVOICE column. It keeps the left part
 * here, at 24 pt when it fits in two lines (every usual name), smaller when it would not.
 */
function headerNameSize(name: string, font: Font, width: number): number {
  return [24, 20, 16, 14].find((size) => wrap(name, { font, size }, width).length <= 2) ?? 12;
}

export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await standardFonts(doc);
  const primary = hexColor(input.business.primaryColor) ?? hex(DEFAULT_PRIMARY);
  const style = (font: Font, size: number, color: RGB = CHARCOAL): TextStyle => ({ font, size, color });
  const regular = (size: number, color?: RGB) => style(fonts.regular, size, color);
  const bold = (size: number, color?: RGB) => style(fonts.bold, size, color);

  let canvas = Canvas.addPage(doc);

  const continuationPage = (): number => {
    canvas = Canvas.addPage(doc);
    const nameBox = { x: MARGIN, top: MARGIN, width: CONTENT_WIDTH - RIGHT_WIDTH - 10 };
    canvas.line(wrap(input.business.name, bold(12), nameBox.width)[0], bold(12, primary), nameBox);
    canvas.line(`#${input.invoiceNumber} (continued)`, regular(10), { x: RIGHT_X, top: MARGIN + 2, width: RIGHT_WIDTH, align: 'right' });
    canvas.fillRect(MARGIN, MARGIN + 20, CONTENT_WIDTH, 2, primary);
    return MARGIN + 34;
  };

  // header: the business name left, INVOICE / number / date right
  const nameWidth = CONTENT_WIDTH - RIGHT_WIDTH - 10;
  canvas.text(input.business.name, bold(headerNameSize(input.business.name, fonts.bold, nameWidth), primary), { x: MARGIN, top: MARGIN, width: nameWidth });
  const right = (text: string, s: TextStyle, top: number) => canvas.text(text, s, { x: RIGHT_X, top, width: RIGHT_WIDTH, align: 'right' });
  let y = right('INVOICE', bold(20), MARGIN);
  y = right(`#${input.invoiceNumber}`, regular(10), y);
  y = right(`Date issued: ${formatIssueDate(input.createdAt)}`, regular(10), y);
  y += 2 * lineHeightOf(regular(10));

  canvas.fillRect(MARGIN, y, CONTENT_WIDTH, 4, primary);
  y += 2 * lineHeightOf(regular(10));

  // business and client blocks, in the right-hand column where the legacy header left the cursor
  const column = (text: string, s: TextStyle) => (y = canvas.text(text, s, { x: RIGHT_X, top: y, width: RIGHT_WIDTH }));
  column(input.business.name, bold(10));
  for (const detail of [input.business.address, input.business.phone, input.business.email]) if (detail) column(detail, regular(10));
  y += 1.5 * lineHeightOf(regular(10));

  column('Bill To:', bold(11, primary));
  column(input.client.name, regular(10));
  for (const detail of [input.client.email, input.client.phone, input.client.address]) if (detail) column(detail, regular(10));
  y += 2 * lineHeightOf(regular(10));

  // item table, continued on new pages under a repeated header row
  const items = input.items.length > 0 ? input.items : [{ description: 'Service', quantity: 1, amount: input.totalCents }];
  const cell = regular(9);
  const tableHeader = (top: number) => {
    canvas.fillRect(MARGIN, top, CONTENT_WIDTH, TABLE.headerHeight, primary);
    const label = bold(10, WHITE);
    canvas.text('Description', label, { x: MARGIN + 10, top: top + 10, width: TABLE.descriptionWidth });
    canvas.text('Qty', label, { x: QTY_X, top: top + 10, width: TABLE.qtyWidth });
    canvas.text('Price', label, { x: PRICE_X, top: top + 10, width: TABLE.priceWidth });
    return top + TABLE.headerHeight;
  };
  const tableBorder = (top: number, bottom: number) => canvas.strokeRect(MARGIN, top, CONTENT_WIDTH, bottom - top, BORDER_GREY, 1);

  let tableTop = y;
  let rowTop = tableHeader(tableTop);
  items.forEach((item, index) => {
    const description = item.description || 'Service';
    const lines = wrap(description, cell, TABLE.descriptionWidth - 20).length;
    // two wrapped lines still fit the legacy 25 pt row; longer descriptions get a taller row
    const height = lines <= 2 ? TABLE.rowHeight : Math.ceil(16 + lines * lineHeightOf(cell));
    if (rowTop + height > ROWS_BOTTOM && rowTop > tableTop + TABLE.headerHeight) {
      tableBorder(tableTop, rowTop);
      tableTop = continuationPage();
      rowTop = tableHeader(tableTop);
    }
    canvas.fillRect(MARGIN, rowTop, CONTENT_WIDTH, height, index % 2 === 0 ? WHITE : SOFT_GREY);
    canvas.strokeRect(MARGIN, rowTop, CONTENT_WIDTH, height, BORDER_GREY, 0.5);
    const amount = typeof item.amount === 'number' ? item.amount : input.totalCents;
    canvas.text(description, cell, { x: MARGIN + 10, top: rowTop + 8, width: TABLE.descriptionWidth - 20 });
    canvas.text(String(item.quantity || 1), cell, { x: QTY_X, top: rowTop + 8, width: TABLE.qtyWidth - 20 });
    canvas.text(formatMoney(amount), cell, { x: PRICE_X, top: rowTop + 8, width: TABLE.priceWidth - 20 });
    rowTop += height;
  });
  tableBorder(tableTop, rowTop);

  // totals and payment box, together on a new page when the payment text would pass the bottom margin
  let totalsTop = rowTop + 2 * lineHeightOf(cell);
  if (totalsTop + TOTALS_HEIGHT + PAYMENT_TEXT_BOTTOM > BOTTOM) totalsTop = continuationPage();
  const subtotal = input.items.length > 0 ? input.items.reduce((sum, item) => sum + (item.amount || 0), 0) : input.totalCents;
  const labelBox = { x: RIGHT_X, width: 100, align: 'right' as const };
  const amountBox = { x: RIGHT_X + 110, width: 80, align: 'right' as const };
  canvas.text('Subtotal:', regular(10), { ...labelBox, top: totalsTop });
  canvas.text(formatMoney(subtotal), regular(10), { ...amountBox, top: totalsTop - 0.44 });
  canvas.text('Total:', bold(18), { ...labelBox, top: totalsTop + 16.9 });
  canvas.text(formatMoney(subtotal), bold(18), { ...amountBox, top: totalsTop + 20.32 });

  const boxTop = totalsTop + TOTALS_HEIGHT;
  const boxText = { x: MARGIN + 15, width: CONTENT_WIDTH - 30 };
  canvas.fillRect(MARGIN, boxTop, CONTENT_WIDTH, input.paymentUrl ? PAYMENT_BOX_HEIGHT : 50, primary);
  canvas.text('Payment is required within 14 days.', bold(10, WHITE), { ...boxText, top: boxTop + 15 });
  if (input.paymentUrl) {
    canvas.text('Payment Link:', regular(10, WHITE), { ...boxText, top: boxTop + 32.85 });
    // a long link wraps like any text; each of its lines is clickable
    let urlTop = boxTop + 44.41;
    for (const line of wrap(input.paymentUrl, regular(10), boxText.width)) {
      const width = canvas.line(line, regular(10, WHITE), { ...boxText, top: urlTop });
      canvas.link(input.paymentUrl, boxText.x, urlTop, width, 9.25);
      urlTop += lineHeightOf(regular(10));
    }
  }

  // footer on every page; page numbers only when there is more than one
  const pages = doc.getPages();
  for (const [i, page] of pages.entries()) {
    const footer = new Canvas(doc, page);
    const footerStyle = regular(9, FOOTER_GREY);
    footer.line('Powered by Pawtimation', footerStyle, { x: MARGIN, top: FOOTER_TOP, width: CONTENT_WIDTH, align: 'center' });
    if (pages.length > 1) footer.line(`Page ${i + 1} of ${pages.length}`, footerStyle, { x: MARGIN, top: FOOTER_TOP, width: CONTENT_WIDTH, align: 'right' });
  }

  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
