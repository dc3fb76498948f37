import { DumpError } from './format.js';

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function truncated(): DumpError {
  return new DumpError(
    'DUMP_TRUNCATED',
    'the file ends in the middle of the document (truncated?)',
    'die Datei endet mitten im Dokument (abgeschnitten?)',
  );
}

export function malformed(detail: string): DumpError {
  return new DumpError('DUMP_MALFORMED', `not a valid dump: ${detail}`, `kein gültiger Dump: ${detail}`);
}

/**
 * Pulls a JSON document from a stream of text chunks one value at a time. It finds where a value
 * ends (brackets and strings) and hands exactly that slice to JSON.parse, so a dump of any size is
 * read with memory bounded by its largest row.
 */
export class JsonStreamReader {
  private buf = '';
  private pos = 0;
  private eof = false;
  private readonly chunks: AsyncIterator<string>;

  constructor(source: AsyncIterable<string>) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    if (this.eof) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.eof = true;
      return false;
    }
    // Drop what is consumed so the buffer never grows beyond one value plus one chunk.
    this.buf = this.buf.slice(this.pos) + next.value;
    this.pos = 0;
    return true;
  }

  /** The next significant character, without consuming it; undefined at the end of the input. */
  async peek(): Promise<string | undefined> {
    for (;;) {
      while (this.pos < this.buf.length && WS.has(this.buf.charCodeAt(this.pos))) this.pos++;
      if (this.pos < this.buf.length) return this.buf[this.pos];
      if (!(await this.more())) return undefined;
    }
  }

  async expect(ch: string, what: string): Promise<void> {
    const next = await this.peek();
    if (next === undefined) throw truncated();
    if (next !== ch) throw malformed(`expected ${what}, found ${JSON.stringify(next)}`);
    this.pos++;
  }

  async readString(what: string): Promise<string> {
    if ((await this.peek()) !== '"') {
      if (this.eof && this.pos >= this.buf.length) throw truncated();
      throw malformed(`expected ${what}`);
    }
    return (await this.readValue()) as string;
  }

  /** Reads one complete JSON value of any kind. */
  async readValue(): Promise<unknown> {
    const first = await this.peek();
    if (first === undefined) throw truncated();
    let i = this.pos;
    let depth = 0;
    let inString = false;
    for (;;) {
      if (i >= this.buf.length) {
        const offset = i - this.pos;
        if (!(await this.more())) throw truncated();
        // more() dropped the consumed prefix: re-base the scan on the value's start.
        i = this.pos + offset;
        continue;
      }
      if (inString) {
        const q = this.buf.indexOf('"', i);
        if (q < 0) {
          i = this.buf.length;
          continue;
        }
        let slashes = 0;
        for (let k = q - 1; k >= 0 && this.buf.charCodeAt(k) === BACKSLASH; k--) slashes++;
        i = q + 1;
        if (slashes % 2 === 0) {
          inString = false;
          if (depth === 0) break;
        }
        continue;
      }
      const c = this.buf.charCodeAt(i);
      if (c === QUOTE) {
        inString = true;
        i++;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth < 0) throw malformed(`unexpected ${String.fromCharCode(c)}`);
        if (depth === 0) {
          i++;
          break;
        }
      } else if (depth === 0 && (c === 0x2c || WS.has(c))) break;
      i++;
    }
    return this.take(i);
  }

  private take(end: number): unknown {
    const text = this.buf.slice(this.pos, end);
    this.pos = end;
    try {
      return JSON.parse(text);
    } catch (err) {
      throw malformed(err instanceof Error ? err.message : String(err));
    }
  }
}
