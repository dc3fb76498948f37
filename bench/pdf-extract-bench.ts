// Pages per second of PDF text extraction: poppler's pdftotext (child processes) against the pdf.js
// worker pool, both with one lane per core, on multi-page PDFs set with pdf-lib from real Karlsruhe
// Vorlage texts.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createPdfExtractor, type PdfEngine, type PdfExtractor } from '../src/infra/pdf/extractor.js';
import { findPdftotext } from '../src/infra/pdf/pdftotext.js';
import { type BenchContext, type BenchReport, median, ratioOf } from './lib/types.js';
import { sharedDir } from './parser-corpus.js';
import { makeTextPdf } from './pdf-make.js';

export async function makeBenchPdfs(): Promise<{ pdfs: Uint8Array[]; pages: number }> {
  const dir = join(sharedDir, 'vorlagen');
  const texts = readdirSync(dir)
    .filter((f) => f.startsWith('karlsruhe_') && f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const pdfs: Uint8Array[] = [];
  // 8 copies of each text at 4–11 pages give 48 files of realistic size and line density.
  for (let copy = 0; copy < 8; copy++) {
    for (const text of texts) pdfs.push(await makeTextPdf(text, { linesPerPage: 55, minPages: 4 + copy }));
  }
  const { PDFDocument } = await import('pdf-lib');
  let pages = 0;
  for (const pdf of pdfs) pages += (await PDFDocument.load(pdf)).getPageCount();
  return { pdfs, pages };
}

const ROUNDS = 3;

/** CPU seconds of this process (all threads) plus its waited-for children (Linux /proc), load-independent. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = 0;
  }
  return (own.user + own.system) / 1e6 + children;
}

async function timedRound(
  extractor: PdfExtractor,
  pdfs: Uint8Array[],
  pages: number,
  cpu: number[],
): Promise<number> {
  const started = performance.now();
  const cpuStart = cpuSeconds();
  const results = await Promise.all(pdfs.map((p) => extractor.extract(p)));
  const seconds = (performance.now() - started) / 1000;
  cpu.push((1000 * (cpuSeconds() - cpuStart)) / pages);
  const extracted = results.reduce((n, r) => n + r.pages.length, 0);
  if (extracted !== pages)
    throw new Error(`${extractor.engine} returned ${extracted} pages, expected ${pages}`);
  return pages / seconds;
}

export async function run(ctx: BenchContext): Promise<BenchReport> {
  const { pdfs, pages } = await makeBenchPdfs();
  const lanes = availableParallelism();
  const engines: PdfEngine[] = findPdftotext() ? ['pdfjs', 'pdftotext'] : ['pdfjs'];
  const extractors = engines.map((engine) => createPdfExtractor({ engine, concurrency: lanes }));
  const rates = new Map<PdfEngine, number[]>(engines.map((e) => [e, []]));
  const cpu = new Map<PdfEngine, number[]>(engines.map((e) => [e, []]));
  try {
    // Warm-up starts the pool's workers; then the engines alternate so load from other processes on
    // the machine hits both alike, and the median of the rounds is reported.
    for (const x of extractors) await Promise.all(pdfs.slice(0, lanes).map((p) => x.extract(p)));
    for (let round = 0; round < ROUNDS; round++) {
      for (const x of extractors)
        rates.get(x.engine)!.push(await timedRound(x, pdfs, pages, cpu.get(x.engine)!));
    }
  } finally {
    await Promise.all(extractors.map((x) => x.close()));
  }
  const pdfjs = median(rates.get('pdfjs')!);
  const cpuBound = (lanes * 1000) / median(cpu.get('pdfjs')!);
  const fmt = (e: PdfEngine) =>
    `${rates
      .get(e)!
      .map((r) => r.toFixed(0))
      .join(', ')} pages/s, CPU ${median(cpu.get(e)!).toFixed(1)} ms/page`;
  ctx.log(`pdf.js pool: ${fmt('pdfjs')}`);
  const report: BenchReport = {
    title: 'PDF text extraction',
    metrics: [],
    notes: [
      `${pdfs.length} PDFs generated with pdf-lib from the Karlsruhe Vorlagen, ${pages} pages, ${lanes} lanes (cores), median of ${ROUNDS} rounds`,
      `load average at the end: ${loadavg()[0]!.toFixed(1)}; rounds pdf.js: ${fmt('pdfjs')}`,
      `pdf.js CPU-bound capacity of ${lanes} idle cores: ${cpuBound.toFixed(0)} pages/s (cores × 1000 / CPU ms per page)`,
    ],
  };
  const poppler = rates.has('pdftotext') ? median(rates.get('pdftotext')!) : null;
  report.metrics.push({
    name: 'pdf.js worker pool (default engine)',
    value: Math.round(pdfjs),
    unit: 'pages/s',
    ...(poppler
      ? { baseline: { label: 'pdftotext -layout, a process per file', value: Math.round(poppler) } }
      : {}),
    ...(poppler ? { ratio: ratioOf(pdfjs, poppler, true) } : {}),
    goal: '≥ 150 pages/s',
    met: pdfjs >= 150,
  });
  if (poppler) {
    ctx.log(`pdftotext: ${fmt('pdftotext')}`);
    report.notes!.push(`rounds pdftotext: ${fmt('pdftotext')}`);
    report.metrics.push({
      name: 'pdftotext -layout (repair fallback)',
      value: Math.round(poppler),
      unit: 'pages/s',
      goal: '≥ 150 pages/s',
      met: poppler >= 150,
    });
  }
  return report;
}
