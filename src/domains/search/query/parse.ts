import { BadRequestError } from '../../../infra/http/errors.js';
import type { QueryNode } from './ast.js';

export const MAX_QUERY_LENGTH = 500;
const MIN_PREFIX = 3;

type Tok =
  | { t: 'word'; word: string; prefix: boolean; neg: boolean }
  | { t: 'phrase'; words: string[]; neg: boolean }
  | { t: 'open'; neg: boolean }
  | { t: 'close' }
  | { t: 'or' };

export function syntaxError(en: string, de: string): BadRequestError {
  return new BadRequestError('SEARCH_SYNTAX', en, de);
}

const WORD = /[\p{L}\p{N}]/u;

/** Splits "E-Bike" or "Rhein-Ruhr" style words into their parts (searched as a phrase). */
function wordsOf(raw: string): string[] {
  return raw.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function lex(input: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    let neg = false;
    if (
      c === '-' &&
      i + 1 < input.length &&
      (input[i + 1] === '"' || input[i + 1] === '(' || WORD.test(input[i + 1]))
    ) {
      neg = true;
      i++;
    } else if (c === '-') {
      // A dangling hyphen ("Rhein- und Ruhrgebiet") is punctuation, not an exclusion.
      i++;
      continue;
    }
    const d = input[i];
    if (d === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) throw syntaxError('Unclosed quotation mark', 'Anführungszeichen nicht geschlossen');
      const words = wordsOf(input.slice(i + 1, end));
      if (words.length === 0) throw syntaxError('Empty phrase', 'Leere Phrase');
      out.push({ t: 'phrase', words, neg });
      i = end + 1;
      continue;
    }
    if (d === '(') {
      out.push({ t: 'open', neg });
      i++;
      continue;
    }
    if (d === ')') {
      out.push({ t: 'close' });
      i++;
      continue;
    }
    if (d === '*')
      throw syntaxError(
        'A star must follow a word (prefix*)',
        'Ein Stern muss direkt hinter einem Wort stehen (Anfang*)',
      );
    let j = i;
    while (j < input.length && (WORD.test(input[j]) || (input[j] === '-' && WORD.test(input[j + 1] ?? ''))))
      j++;
    if (j === i) {
      // Punctuation other than the operators separates words, like a space.
      i++;
      continue;
    }
    const raw = input.slice(i, j);
    let prefix = false;
    if (input[j] === '*') {
      prefix = true;
      j++;
      if (input[j] === '*') throw syntaxError('Only one star per word', 'Nur ein Stern pro Wort');
    }
    i = j;
    if (raw === 'OR' && !neg && !prefix) {
      out.push({ t: 'or' });
      continue;
    }
    const words = wordsOf(raw);
    if (prefix && (words.length > 1 || words[0].length < MIN_PREFIX)) {
      throw syntaxError(
        `A prefix needs at least ${MIN_PREFIX} letters`,
        `Ein Wortanfang braucht mindestens ${MIN_PREFIX} Buchstaben`,
      );
    }
    out.push(words.length === 1 ? { t: 'word', word: words[0], prefix, neg } : { t: 'phrase', words, neg });
  }
  return out;
}

/** True when the node matches something by itself (a pure exclusion cannot be searched). */
function positive(n: QueryNode): boolean {
  return n.kind !== 'not';
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): QueryNode {
    const node = this.orExpr();
    if (this.pos < this.toks.length)
      throw syntaxError('Unmatched closing parenthesis', 'Schließende Klammer ohne öffnende');
    return node;
  }

  private orExpr(): QueryNode {
    const items = [this.andExpr()];
    while (this.toks[this.pos]?.t === 'or') {
      this.pos++;
      items.push(this.andExpr());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private andExpr(): QueryNode {
    const items: QueryNode[] = [];
    for (;;) {
      const tok = this.toks[this.pos];
      if (!tok || tok.t === 'close' || tok.t === 'or') break;
      this.pos++;
      items.push(this.unary(tok));
    }
    if (items.length === 0) {
      throw syntaxError(
        'OR and parentheses need a search term on both sides',
        'ODER und Klammern brauchen auf beiden Seiten einen Suchbegriff',
      );
    }
    if (!items.some(positive)) {
      throw syntaxError(
        'Exclusions (-word) need at least one word to search for',
        'Ausschlüsse (-Wort) brauchen mindestens ein gesuchtes Wort',
      );
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private unary(tok: Tok): QueryNode {
    let node: QueryNode;
    if (tok.t === 'word') node = { kind: 'term', word: tok.word, prefix: tok.prefix };
    else if (tok.t === 'phrase') node = { kind: 'phrase', words: tok.words };
    else if (tok.t === 'open') {
      node = this.orExpr();
      if (this.toks[this.pos]?.t !== 'close')
        throw syntaxError('Unclosed parenthesis', 'Klammer nicht geschlossen');
      this.pos++;
    } else throw syntaxError('Unexpected operator', 'Unerwarteter Operator');
    return 'neg' in tok && tok.neg ? { kind: 'not', item: node } : node;
  }
}

/** Parses the user's query; every malformed input becomes a 400 SEARCH_SYNTAX, never an exception of another kind. */
export function parseQuery(input: string): QueryNode {
  if (input.length > MAX_QUERY_LENGTH) {
    throw syntaxError(
      `The query is longer than ${MAX_QUERY_LENGTH} characters`,
      `Die Suchanfrage ist länger als ${MAX_QUERY_LENGTH} Zeichen`,
    );
  }
  if (/\p{Cc}/u.test(input.replace(/[\t\n\r]/g, ' '))) {
    throw syntaxError('The query contains control characters', 'Die Suchanfrage enthält Steuerzeichen');
  }
  const toks = lex(input);
  if (toks.length === 0) throw syntaxError('Please enter a search term', 'Bitte einen Suchbegriff eingeben');
  return new Parser(toks).parse();
}

/** The positive leaves of a query (for highlighting and classification of hits). */
export function positiveLeaves(node: QueryNode): Array<Extract<QueryNode, { kind: 'term' | 'phrase' }>> {
  if (node.kind === 'term' || node.kind === 'phrase') return [node];
  if (node.kind === 'not') return [];
  return node.items.flatMap(positiveLeaves);
}
