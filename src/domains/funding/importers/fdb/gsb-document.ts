import { XMLParser } from 'fast-xml-parser';
import { decodeXmlText, refuseUnsafeXml, stripInvalidXmlChars } from '../xml-safety.js';

/** One document of the GSB 7.1 CMS export (programme, contact, address, giver or external link). */
export interface GsbDocument {
  type: string;
  /** e.g. /BMWI/FDB/Content/DE/Foerderprogramm/Bund/BMAS */
  path: string;
  name: string;
  /** Number of invalid XML characters removed before parsing. */
  strippedChars: number;
  props: Map<string, GsbProperty>;
}

export interface GsbProperty {
  type: string;
  /** RichText: the HTML as given (CDATA wrapper removed, nothing else touched). */
  html?: string;
  value?: string;
  links?: string[];
  classified?: { classifier: string; links: string[] }[];
}

// Entity processing off: no DTD entity is ever expanded; we decode only the predefined ones.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['property', 'link', 'classifiedLinkList'].includes(name),
});

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]);

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isNode(v) && typeof v['#text'] === 'string') return v['#text'];
  return '';
}

function hrefs(container: unknown): string[] {
  if (!isNode(container)) return [];
  return asArray(container.link)
    .map((l) => (isNode(l) && typeof l['@_xlink:href'] === 'string' ? decodeXmlText(l['@_xlink:href']) : ''))
    .filter((h) => h !== '')
    .map((h) => h.replace(/^target:/, ''));
}

/** The export wraps RichText as an escaped CDATA section; unwrap it, keep the HTML untouched. */
export function unwrapRichText(raw: string): string {
  const decoded = decodeXmlText(raw).trim();
  const m = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(decoded);
  return m ? m[1] : decoded;
}

function readProperty(p: Node): GsbProperty {
  const type = typeof p['@_type'] === 'string' ? p['@_type'] : '';
  if (type === 'RichText') return { type, html: unwrapRichText(textOf(p.text)) };
  if (type === 'LinkList') return { type, links: hrefs(p.links) };
  if (type === 'ClassifiedLinkLists') {
    const lists = isNode(p.classifiedLinkLists) ? asArray(p.classifiedLinkLists.classifiedLinkList) : [];
    return {
      type,
      classified: lists.filter(isNode).map((l) => ({
        classifier: (hrefs(l.classifierLinks)[0] ?? '').split('/').pop() ?? '',
        links: hrefs(l.links),
      })),
    };
  }
  return { type, value: decodeXmlText(textOf(p.value)).trim() };
}

/** Parses one export document. Throws with a readable reason when the document is unusable. */
export function parseGsbDocument(input: string): GsbDocument {
  const { text, removed } = stripInvalidXmlChars(input.replace(/^\uFEFF/, ''));
  const refused = refuseUnsafeXml(text);
  if (refused) throw new Error(refused);
  let tree: unknown;
  try {
    tree = parser.parse(text, true);
  } catch (err) {
    throw new Error(`XML not well-formed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const doc = isNode(tree) ? tree.document : undefined;
  if (!isNode(doc)) throw new Error('no <document> root element (not a GSB export document)');
  const props = new Map<string, GsbProperty>();
  for (const p of asArray(doc.property)) {
    if (!isNode(p) || typeof p['@_name'] !== 'string') continue;
    props.set(p['@_name'], readProperty(p));
  }
  return {
    type: typeof doc['@_type'] === 'string' ? doc['@_type'] : '',
    path: typeof doc['@_path'] === 'string' ? decodeXmlText(doc['@_path']) : '',
    name: typeof doc['@_name'] === 'string' ? decodeXmlText(doc['@_name']) : '',
    strippedChars: removed,
    props,
  };
}

/** True when a RichText has no visible content (the export writes an empty <div> for empty fields). */
export function isEmptyHtml(html: string | undefined): boolean {
  if (!html) return true;
  return htmlToPlain(html) === '';
}

/** Plain text of an HTML fragment, for titles and names (the stored HTML stays as given). */
export function htmlToPlain(html: string): string {
  // Block elements and line breaks separate words; inline ones (<span>, <abbr>, <strong>) do not:
  // "2025 (<span>Minitraité</span>)" is "2025 (Minitraité)", not "2025 ( Minitraité )".
  return decodeHtmlEntities(
    html
      .replace(
        /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|tbody|thead|section|blockquote|dd|dt)\b[^>]*>/gi,
        ' ',
      )
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeHtmlEntities(s: string): string {
  return decodeXmlText(s).replace(/&nbsp;/g, '\u00a0');
}

export const richText = (d: GsbDocument, name: string): string | null => {
  const html = d.props.get(name)?.html;
  return html && !isEmptyHtml(html) ? html : null;
};
export const plainValue = (d: GsbDocument, name: string): string | null => d.props.get(name)?.value || null;
export const linkList = (d: GsbDocument, name: string): string[] => d.props.get(name)?.links ?? [];
export const classified = (d: GsbDocument, name: string) => d.props.get(name)?.classified ?? [];
