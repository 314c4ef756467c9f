/**
 * The text of each page of a PDF, NFKC-folded, with white space removed (CJK text extracts in
 * fragments). Some glyphs come back as CJK radicals (⻚ for 页, ⺠ for 民) because the font shares
 * them, so tests compare Chinese loosely and rely on ASCII (URLs, dates) for exact checks.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(data: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .normalize('NFKC')
        .replace(/\s+/g, ''),
    );
  }
  return pages;
}
