import { describe, expect, it } from 'vitest';
import { JsonStreamReader } from '../../src/app/dump/json-reader.js';
import { type DumpEvent, readDumpEvents } from '../../src/app/dump/read-dump.js';

async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function events(text: string, size: number): Promise<DumpEvent[]> {
  const out: DumpEvent[] = [];
  for await (const ev of readDumpEvents(new JsonStreamReader(chunks(text, size)))) out.push(ev);
  return out;
}

const doc = {
  format: 'regiolotse-dump',
  formatVersion: 1,
  exportedAt: '2026-11-25T17:00:00.000Z',
  source: { dialect: 'sqlite' },
  tables: {
    a: [
      { id: 1, s: 'quote " backslash \\ end\\', t: '{[not structure]}', n: -1.5e3 },
      { id: 2, s: '\\"', t: 'Zeile\nZweite 😀 ß', n: null },
    ],
    empty: [],
    b: [{ id: 'x', j: '{"nested":"json as text"}' }],
  },
};

describe('dump reader', () => {
  it('yields the same events however the text is cut into chunks', async () => {
    const text = JSON.stringify(doc, null, 1);
    const whole = await events(text, text.length);
    expect(whole.filter((e) => e.kind === 'row').map((e) => (e as { row: unknown }).row)).toEqual([
      ...doc.tables.a,
      ...doc.tables.b,
    ]);
    for (let size = 1; size <= 9; size++) expect(await events(text, size)).toEqual(whole);
  });

  it('rejects every proper prefix of a document as truncated or malformed', async () => {
    const text = JSON.stringify(doc);
    for (let cut = 0; cut < text.length; cut += 7) {
      await expect(events(text.slice(0, cut), 5)).rejects.toMatchObject({
        code: expect.stringMatching(/^DUMP_(TRUNCATED|MALFORMED)$/),
      });
    }
  });

  it('rejects broken structure with DUMP_MALFORMED', async () => {
    for (const bad of [
      '[]',
      '{"tables":[]}',
      '{"tables":{"a":{}}}',
      '{"a":1 "b":2}',
      '{"a":1}}',
      '{"a":tru}',
    ]) {
      await expect(events(bad, 3), bad).rejects.toMatchObject({ code: 'DUMP_MALFORMED' });
    }
  });
});
