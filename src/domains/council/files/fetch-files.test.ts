import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { type Json, karlsruheOrigin, loadFixtures } from '../../../../test/oparl-server/fixtures.js';
import {
  type OParlTestServer,
  type ServedFile,
  startOParlServer,
} from '../../../../test/oparl-server/server.js';
import { syncSource } from '../oparl/sync-source.js';

const fastClient = {
  timeoutMs: 2_000,
  retries: 1,
  backoffMs: 5,
  politenessDelayMs: 0,
  concurrencyPerHost: 4,
};

async function germanPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  for (const [i, line] of lines.entries()) page.drawText(line, { x: 50, y: 750 - i * 20, size: 12, font });
  return doc.save();
}

describeEachDb('council file fetcher against the loopback server', (env) => {
  let server: OParlTestServer;
  let files: Map<string, ServedFile>;
  const fileId: Record<string, string> = {};
  beforeAll(async () => {
    const fixtures = loadFixtures();
    const withFiles = fixtures.karlsruhe.papers.filter(
      (p) => Array.isArray(p.auxiliaryFile) && (p.auxiliaryFile as Json[]).length >= 3,
    );
    const good = await germanPdf(['Sanierung der Brücke über die Alb', 'Straßenbeleuchtung in Grünwinkel']);
    const secret = await germanPdf(['Grundstücksverhandlung Geheimhaltungsvermerk Müllerstraße']);
    const oversized = new Uint8Array(51 * 1024 * 1024);
    oversized.set(new TextEncoder().encode('%PDF-1.7\n'));
    const served: Record<string, ServedFile> = {
      good: { body: good, contentType: 'application/pdf' },
      garbage: {
        body: new TextEncoder().encode(`%PDF-1.4\n${'\u0000'.repeat(64)}kein PDF`),
        contentType: 'application/pdf',
      },
      truncated: { body: good.slice(0, 300), contentType: 'application/pdf' },
      oversized: { body: oversized, contentType: 'application/pdf', chunked: true },
      plain: {
        body: new TextEncoder().encode('Protokoll über Fahrradabstellanlagen'),
        contentType: 'text/plain',
      },
      secret: { body: secret, contentType: 'application/pdf' },
    };
    const assign = (paper: Json, names: string[]) => {
      (paper.auxiliaryFile as Json[]).slice(0, names.length).forEach((f, i) => {
        const name = names[i] as string;
        f.downloadUrl = `${karlsruheOrigin}/testfiles/${name}`;
        fileId[name] = f.id as string;
      });
    };
    assign(withFiles[0] as Json, ['good', 'garbage', 'truncated']);
    assign(withFiles[1] as Json, ['oversized', 'plain']);
    const hidden = withFiles[2] as Json;
    hidden.public = false;
    assign(hidden, ['secret']);
    files = new Map(Object.entries(served).map(([k, v]) => [`/oparl/testfiles/${k}`, v]));
    server = await startOParlServer(fixtures, { pageSize: 50, files });
  });
  afterAll(async () => server.close());

  const row = (name: string) =>
    env()
      .ctx.db.selectFrom('council_files')
      .selectAll()
      .where('oparl_id', '=', (fileId[name] as string).replace(karlsruheOrigin, server.base))
      .executeTakeFirstOrThrow();
  const search = async (q: string) =>
    (await env().app.inject({ method: 'GET', url: '/api/search', query: { q, type: 'file' } })).json() as {
      hits: { type: string; id: number }[];
    };

  it('downloads, checks, hashes and extracts files; bad ones fail alone', async () => {
    const { ctx } = env();
    const { sourceId } = await syncSource(ctx, server.systemUrl, { client: fastClient });
    // The job takes the source's politeness delay; the loopback server needs none.
    await ctx.db
      .updateTable('council_sources')
      .set({ request_delay_ms: 0 })
      .where('id', '=', sourceId)
      .execute();
    const jobId = await ctx.jobs.enqueue('council.fetch-files', {});
    await ctx.jobs.runUntilIdle();
    const job = await ctx.jobs.get(jobId);
    expect(job?.status).toBe('done');

    const good = await row('good');
    expect(good.text).toContain('Straßenbeleuchtung in Grünwinkel');
    expect(good.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(good.detected_mime).toBe('application/pdf');
    expect(good.fetch_error).toBeNull();
    const plain = await row('plain');
    expect(plain.text).toBe('Protokoll über Fahrradabstellanlagen');
    expect(plain.detected_mime).toBe('text/plain');

    for (const bad of ['garbage', 'truncated']) {
      const r = await row(bad);
      expect(r.text, bad).toBeNull();
      expect(r.fetch_error, bad).toMatch(/^(pdf-|no-text)/);
      expect(r.sha256, bad).toMatch(/^[0-9a-f]{64}$/);
    }
    const big = await row('oversized');
    expect(big.fetch_error).toMatch(/^too-large/);
    expect(big.sha256).toBeNull();
    expect(big.text).toBeNull();

    const hits = (await search('Grünwinkel')).hits;
    expect(hits.map((h) => [h.type, h.id])).toContainEqual(['file', good.id]);
    expect((await search('Fahrradabstellanlagen')).hits.map((h) => h.id)).toContain(plain.id);
  });

  it('keeps files of a nichtöffentlich paper out of anonymous search', async () => {
    const secret = await row('secret');
    expect(secret.text).toContain('Geheimhaltungsvermerk');
    expect(secret.is_public).toBe(0);
    expect((await search('Geheimhaltungsvermerk')).hits).toHaveLength(0);
  });

  it('downloads nothing new on a second run and does not re-extract unchanged files', async () => {
    const { ctx } = env();
    const before = server.requests.filter((r) => r.startsWith('/oparl/testfiles/')).length;
    const { fetchCouncilFiles } = await import('./fetch-files.js');
    const again = await fetchCouncilFiles(ctx);
    expect(again.candidates).toBe(0);
    expect(server.requests.filter((r) => r.startsWith('/oparl/testfiles/')).length).toBe(before);

    // The source marks the file changed; the bytes are the same, so the text is not extracted again.
    const good = await row('good');
    await ctx.db
      .updateTable('council_files')
      .set({ oparl_modified: '2099-01-01T00:00:00.000Z' })
      .where('id', '=', good.id)
      .execute();
    const third = await fetchCouncilFiles(ctx);
    expect(third).toMatchObject({ candidates: 1, unchanged: 1, extracted: 0 });
    expect((await row('good')).text_extracted_at).toBe(good.text_extracted_at);

    // Now the source serves an HTML error page as the file: recorded as unsupported, old text gone.
    files.set('/oparl/testfiles/good', {
      body: new TextEncoder().encode('<html>Wartungsarbeiten</html>'),
      contentType: 'application/pdf',
    });
    await ctx.db
      .updateTable('council_files')
      .set({ oparl_modified: '2099-02-01T00:00:00.000Z' })
      .where('id', '=', good.id)
      .execute();
    expect(await fetchCouncilFiles(ctx)).toMatchObject({ candidates: 1, unsupported: 1 });
    const changed = await row('good');
    expect(changed).toMatchObject({ text: null, fetch_error: 'unsupported-type', detected_mime: null });
    expect(changed.sha256).not.toBe(good.sha256);
    expect((await search('Grünwinkel')).hits.map((h) => h.id)).not.toContain(good.id);
  });
});
