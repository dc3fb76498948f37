import { createReadStream } from 'node:fs';
import { JsonStreamReader, malformed, truncated } from './json-reader.js';

export type DumpEvent =
  | { kind: 'header'; key: string; value: unknown }
  | { kind: 'table'; name: string }
  | { kind: 'row'; table: string; row: unknown }
  | { kind: 'tableEnd'; name: string };

/** A dump file as text chunks; `bytesRead` tells how far it got (for progress). */
export function openDumpFile(file: string) {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  return { stream, reader: new JsonStreamReader(stream) };
}

async function* readTables(reader: JsonStreamReader): AsyncGenerator<DumpEvent> {
  await reader.expect('{', '"tables" to be an object');
  for (let t = 0; ; t++) {
    const next = await reader.peek();
    if (next === undefined) throw truncated();
    if (next === '}') {
      await reader.expect('}', '}');
      return;
    }
    if (t > 0) await reader.expect(',', '"," between tables');
    const name = await reader.readString('a table name');
    await reader.expect(':', '":" after a table name');
    await reader.expect('[', `the rows of ${name} to be an array`);
    yield { kind: 'table', name };
    for (let r = 0; ; r++) {
      const c = await reader.peek();
      if (c === undefined) throw truncated();
      if (c === ']') {
        await reader.expect(']', ']');
        break;
      }
      if (r > 0) await reader.expect(',', `"," between rows of ${name}`);
      yield { kind: 'row', table: name, row: await reader.readValue() };
    }
    yield { kind: 'tableEnd', name };
  }
}

/** The document as a sequence of events: header fields, then tables with their rows. */
export async function* readDumpEvents(reader: JsonStreamReader): AsyncGenerator<DumpEvent> {
  await reader.expect('{', 'a JSON object');
  for (let f = 0; ; f++) {
    const next = await reader.peek();
    if (next === undefined) throw truncated();
    if (next === '}') {
      await reader.expect('}', '}');
      break;
    }
    if (f > 0) await reader.expect(',', '"," between fields');
    const key = await reader.readString('a field name');
    await reader.expect(':', '":" after a field name');
    if (key === 'tables') yield* readTables(reader);
    else yield { kind: 'header', key, value: await reader.readValue() };
  }
  if ((await reader.peek()) !== undefined) throw malformed('content after the end of the document');
}
