/**
 * Input hygiene for XML from outside. Real FDB exports contain control characters that XML 1.0
 * forbids; strict parsers stop at them. We remove only those characters and count them, so the
 * import can say what it did. DTDs are refused outright: the GSB export never has one, and a DTD
 * is the door for external entities (XXE) and entity expansion (billion laughs).
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// Built from a string so the linter's control-character rule does not fire: finding them is the point.
const INVALID_XML_CHARS = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  'g',
);

export function stripInvalidXmlChars(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(INVALID_XML_CHARS, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/** A reason to refuse the document, or null when it may be parsed. */
export function refuseUnsafeXml(text: string): string | null {
  if (/<!DOCTYPE/i.test(text))
    return 'document declares a DOCTYPE (refused: external entities / entity expansion)';
  if (/<!ENTITY/i.test(text))
    return 'document declares an ENTITY (refused: external entities / entity expansion)';
  return null;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and numeric character references in one pass. The
 * parser runs with entity processing off, so nothing else (no DTD entity) is ever expanded.
 */
export function decodeXmlText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (m, ent: string) => {
    if (ent[0] !== '#') return NAMED[ent] ?? m;
    const code =
      ent[1] === 'x' || ent[1] === 'X'
        ? Number.parseInt(ent.slice(2), 16)
        : Number.parseInt(ent.slice(1), 10);
    if (!Number.isFinite(code) || code > 0x10ffff || code === 0) return m;
    return String.fromCodePoint(code);
  });
}
