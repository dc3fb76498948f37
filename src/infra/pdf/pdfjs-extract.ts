import { PdfError } from './errors.js';
import { runsToLines, type TextRun } from './lines.js';

interface PdfjsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** Page texts via pdf.js (legacy build for Node). Runs inside a pool worker, never on the main thread. */
export async function extractWithPdfjs(data: Uint8Array, maxPages: number): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') throw new PdfError('encrypted', 'PDF is encrypted');
    throw new PdfError(
      'corrupt',
      `pdf.js cannot open the file: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  try {
    if (doc.numPages > maxPages)
      throw new PdfError('too-many-pages', `PDF has ${doc.numPages} pages, the limit is ${maxPages}`);
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items as PdfjsTextItem[]) {
        if (typeof item.str !== 'string' || !item.transform) continue;
        runs.push({
          str: item.str,
          x: item.transform[4]!,
          y: item.transform[5]!,
          width: item.width ?? 0,
          height: item.height ?? 0,
        });
      }
      pages.push(runsToLines(runs).join('\n'));
      page.cleanup();
    }
    return pages;
  } catch (err) {
    if (err instanceof PdfError) throw err;
    throw new PdfError('corrupt', `pdf.js failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await doc.destroy();
  }
}
