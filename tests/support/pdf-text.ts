// Reads back what a pdf-lib document draws: its pages and, per page, the text of every text-showing
// operator (pdf-lib writes WinAnsi strings as hex) and the raw content operators, without any
// system tool. pdftotext, when installed, is used by the tests as an independent second reader.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFObject, type PDFPage } from 'pdf-lib';

const winAnsi = new TextDecoder('windows-1252');

function contentStreams(page: PDFPage): PDFRawStream[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return refs.map((ref) => page.doc.context.lookup(ref)).filter((s): s is PDFRawStream => s instanceof PDFRawStream);
}

function decode(stream: PDFRawStream): string {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const bytes = filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents;
  return new TextDecoder('latin1').decode(bytes);
}

export interface PdfPageContent {
  /** each text-showing operator's string, in drawing order */
  texts: string[];
  /** the page's content operators, decompressed */
  operators: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPageContent[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const operators = contentStreams(page).map(decode).join('\n');
    const texts = [...operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) =>
      winAnsi.decode(Uint8Array.from(m[1].match(/../g) ?? [], (h) => parseInt(h, 16))),
    );
    return { texts, operators };
  });
}

/** pdftotext's reading of the document, or null when poppler-utils is not installed */
export async function pdftotext(bytes: Uint8Array): Promise<string | null> {
  if (!Bun.which('pdftotext')) return null;
  const proc = Bun.spawn(['pdftotext', '-layout', '-', '-'], { stdin: bytes, stdout: 'pipe', stderr: 'pipe' });
  const [text, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
  if (code !== 0) throw new Error(`pdftotext exited with ${code}`);
  return text;
}
