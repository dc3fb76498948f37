import { List, Stack, Text } from '@mantine/core';

export interface TextBlock {
  kind: 'p' | 'li' | 'h';
  text: string;
}

const BLOCK = new Set([
  'P',
  'DIV',
  'UL',
  'OL',
  'TABLE',
  'TR',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'PRE',
]);
// Never shown: their content is code or metadata, not part of the text.
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE']);

/**
 * Source HTML → paragraphs and list items of plain text. The HTML is parsed by DOMParser into an inert
 * document (no scripts run, nothing is loaded) and only text nodes are read, so nothing of the markup can
 * reach the page; the words stay exactly as given, only the layout is reduced to paragraphs.
 */
export function htmlToBlocks(source: string): TextBlock[] {
  if (!/<[a-zA-Z!/]/.test(source)) {
    return source
      .split(/\n\s*\n/)
      .map((t) => t.trim())
      .filter(Boolean)
      .map((text) => ({ kind: 'p', text }));
  }
  const doc = new DOMParser().parseFromString(source, 'text/html');
  const blocks: TextBlock[] = [];
  let current: TextBlock = { kind: 'p', text: '' };
  const flush = (next: TextBlock['kind'] = 'p') => {
    const text = current.text.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ kind: current.kind, text });
    current = { kind: next, text: '' };
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      current.text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName;
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      flush(current.kind);
      return;
    }
    // Source headings become bold paragraphs, not headings, so the page's heading outline stays its own.
    const own = tag === 'LI' ? 'li' : /^H[1-6]$/.test(tag) ? 'h' : null;
    if (own) {
      flush(own);
      for (const child of Array.from(node.childNodes)) walk(child);
      flush();
      return;
    }
    if (tag === 'TD' || tag === 'TH') current.text += ' ';
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(doc.body);
  flush();
  return blocks;
}

/** Shows a source text (HTML or plain) as paragraphs and lists, without interpreting any of its markup. */
export function SourceText({ source }: { source: string }) {
  // Blocks never reorder, so their position is a stable key.
  const blocks = htmlToBlocks(source).map((b, position) => ({ ...b, position }));
  const groups: Array<typeof blocks> = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (last && block.kind === 'li' && last[0]?.kind === 'li') last.push(block);
    else groups.push([block]);
  }
  return (
    <Stack gap="xs" maw={800}>
      {groups.map((group) =>
        group[0]?.kind === 'li' ? (
          <List key={group[0].position}>
            {group.map((b) => (
              <List.Item key={b.position}>{b.text}</List.Item>
            ))}
          </List>
        ) : (
          <Text
            key={group[0]?.position}
            fw={group[0]?.kind === 'h' ? 600 : undefined}
            style={{ whiteSpace: 'pre-line' }}
          >
            {group[0]?.text}
          </Text>
        ),
      )}
    </Stack>
  );
}
