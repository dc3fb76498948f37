import ExcelJS from 'exceljs';
import type { AppServer } from '../../../src/app/context.js';
import { ownLinks } from './routes.js';

export interface Answer {
  status: number;
  /** The body as text (spreadsheets as their cell values), timestamps and request ids masked. */
  text: string;
}

async function bodyText(contentType: string, raw: Buffer): Promise<string> {
  if (contentType.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(raw as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        cells.push(JSON.stringify(row.values));
      });
    });
    return cells.join('\n');
  }
  if (/json|text|xml|calendar|csv/.test(contentType) || contentType === '') return raw.toString('utf8');
  return `binary ${raw.length} bytes: ${raw.toString('latin1')}`;
}

/** What legitimately differs between two identical requests: clocks and request ids. */
export function mask(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/g, '<time>')
    .replace(/\d{8}T\d{6}Z?/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');
}

/**
 * Asks every URL (and every link to our own server that an answer contains, e.g. OParl lists and
 * their pages) as one actor; returns the masked answers by URL.
 */
export async function crawl(
  app: AppServer,
  headers: Record<string, string>,
  start: string[],
  limit = 4_000,
): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  const queue = [...start];
  while (queue.length > 0 && answers.size < limit) {
    const url = queue.shift() as string;
    if (answers.has(url)) continue;
    const res = await app.inject({ method: 'GET', url, headers });
    const raw = await bodyText(String(res.headers['content-type'] ?? ''), res.rawPayload);
    answers.set(url, { status: res.statusCode, text: mask(raw) });
    if (res.statusCode === 200) {
      for (const link of ownLinks(raw)) if (!answers.has(link)) queue.push(link);
    }
  }
  // A crawl cut short would leave routes unasked while the test still passed.
  if (queue.some((u) => !answers.has(u)))
    throw new Error(`crawl stopped at ${limit} answers; raise the limit`);
  return answers;
}
