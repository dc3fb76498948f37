import { Text } from '@mantine/core';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * The server's snippet is escaped text with <mark> around found words; it is rebuilt as React
 * elements (no innerHTML), so nothing else in it can ever become markup.
 */
export function Snippet({ html }: { html: string }) {
  const parts = html.split(/<mark>(.*?)<\/mark>/g);
  return (
    <Text size="sm">
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
        i % 2 === 1 ? <mark key={i}>{decode(p)}</mark> : <span key={i}>{decode(p)}</span>,
      )}
    </Text>
  );
}
