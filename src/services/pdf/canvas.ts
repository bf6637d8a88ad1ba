// Drawing on pdf-lib pages with pdfkit's conventions, which the legacy invoice layout is written in:
// y grows downwards from the top of the page, a text position is the top of its line box, text wraps
// at spaces to a width, and each line advances by the font's pdfkit line height.
import { PDFDocument, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 } as const;

/** pdfkit's Helvetica metrics: the baseline sits 0.718 x size below the top of the line box */
const ASCENT = 0.718;

export interface Font {
  pdf: PDFFont;
  /** pdfkit currentLineHeight(true) per point of size */
  lineHeight: number;
  /** code points the font can encode (WinAnsi) */
  charset: ReadonlySet<number>;
}

export interface TextStyle {
  font: Font;
  size: number;
  color: RGB;
}

export interface TextBox {
  x: number;
  top: number;
  /** wrap width; also the box for right or centred alignment */
  width: number;
  align?: 'left' | 'right' | 'center';
}

// a standard font's character set is the same in every document: built once per font
const charsets = new Map<string, ReadonlySet<number>>();
const charsetOf = (name: string, font: PDFFont) => charsets.get(name) ?? charsets.set(name, new Set(font.getCharacterSet())).get(name)!;

export async function standardFonts(doc: PDFDocument): Promise<{ regular: Font; bold: Font }> {
  const [regular, bold] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold)]);
  return {
    regular: { pdf: regular, lineHeight: 1.156, charset: charsetOf(StandardFonts.Helvetica, regular) },
    bold: { pdf: bold, lineHeight: 1.19, charset: charsetOf(StandardFonts.HelveticaBold, bold) },
  };
}

export const lineHeightOf = (style: { font: Font; size: number }) => style.font.lineHeight * style.size;

/** Characters the standard fonts cannot encode (emoji, CJK, ...) become "?" instead of failing. */
export function encodable(font: Font, text: string): string {
  let out = '';
  for (const ch of text) out += font.charset.has(ch.codePointAt(0)!) ? ch : '?';
  return out;
}

/**
 * pdfkit's wrapping: paragraphs at line breaks, words at spaces, a word wider than the box broken
 * between characters.
 */
export function wrap(text: string, style: { font: Font; size: number }, width: number): string[] {
  const measure = (s: string) => style.font.pdf.widthOfTextAtSize(s, style.size);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/).map((p) => encodable(style.font, p))) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const ch of word) {
        if (line !== '' && measure(line + ch) > width) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    lines.push(line);
  }
  return lines;
}

export function hexColor(value: unknown): RGB | null {
  if (typeof value !== 'string') return null;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  const parts = long ? long.slice(1) : short ? short.slice(1).map((c) => c + c) : null;
  if (!parts) return null;
  const [r, g, b] = parts.map((p) => parseInt(p, 16) / 255);
  return rgb(r, g, b);
}

export const hex = (value: string): RGB => hexColor(value)!;

/** One page, addressed top-down. */
export class Canvas {
  constructor(
    readonly doc: PDFDocument,
    readonly page: PDFPage,
  ) {}

  static addPage(doc: PDFDocument): Canvas {
    return new Canvas(doc, doc.addPage([A4.width, A4.height]));
  }

  /** draws wrapped text and returns the top of the line after it (pdfkit's doc.y afterwards) */
  text(text: string, style: TextStyle, box: TextBox): number {
    const lineHeight = lineHeightOf(style);
    let top = box.top;
    for (const line of wrap(text, style, box.width)) {
      this.line(line, style, box, top);
      top += lineHeight;
    }
    return top;
  }

  /** one line that is not wrapped; returns its width */
  line(line: string, style: TextStyle, box: TextBox, top = box.top): number {
    const width = style.font.pdf.widthOfTextAtSize(line, style.size);
    const x = box.align === 'right' ? box.x + box.width - width : box.align === 'center' ? box.x + (box.width - width) / 2 : box.x;
    this.page.drawText(line, {
      x,
      y: A4.height - (top + ASCENT * style.size),
      font: style.font.pdf,
      size: style.size,
      color: style.color,
    });
    return width;
  }

  fillRect(x: number, top: number, width: number, height: number, color: RGB) {
    this.page.drawRectangle({ x, y: A4.height - top - height, width, height, color });
  }

  strokeRect(x: number, top: number, width: number, height: number, color: RGB, lineWidth: number) {
    this.page.drawRectangle({ x, y: A4.height - top - height, width, height, borderColor: color, borderWidth: lineWidth });
  }

  /** a borderless URI link over the area (pdfkit's `link` text option) */
  link(url: string, x: number, top: number, width: number, height: number) {
    const y = A4.height - top;
    const annotation = this.doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, y - height, x + width, y],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    });
    this.page.node.addAnnot(this.doc.context.register(annotation));
  }
}
