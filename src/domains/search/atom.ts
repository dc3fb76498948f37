import type { SearchHit } from './search-service.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** XML 1.0 forbids most control characters even when escaped. */
const clean = (s: string) => s.replace(/[\p{Cc}\uFFFE\uFFFF]/gu, (c) => ('\t\n\r'.includes(c) ? c : ''));

const asInstant = (date: string | null, fallback: string) => (date ? `${date}T00:00:00Z` : fallback);

/** An Atom 1.0 feed of search hits; entry ids are stable tag URIs per document. */
export function atomFeed(opts: {
  baseUrl: string;
  selfUrl: string;
  query: string;
  hits: SearchHit[];
  now: string;
}): string {
  const host = new URL(opts.baseUrl).hostname || 'localhost';
  const updated = opts.hits.reduce(
    (max, h) => {
      const at = asInstant(h.date, opts.now);
      return at > max ? at : max;
    },
    opts.hits.length ? '0000' : opts.now,
  );
  const entries = opts.hits.map((h) => {
    const link = h.url
      ? new URL(h.url, opts.baseUrl).toString()
      : `${opts.baseUrl}/search?q=${encodeURIComponent(h.title)}`;
    return `  <entry>
    <id>tag:${esc(host)},2026:${esc(h.type)}/${h.id}</id>
    <title>${esc(clean(h.title))}</title>
    <updated>${asInstant(h.date, opts.now)}</updated>
    <link rel="alternate" href="${esc(link)}"/>
    <summary type="html">${esc(clean(h.snippet))}</summary>${h.body ? `\n    <author><name>${esc(clean(h.body))}</name></author>` : ''}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${esc(opts.selfUrl)}</id>
  <title>${esc(clean(`Regiolotse – Suche: ${opts.query}`))}</title>
  <updated>${updated}</updated>
  <author><name>Regiolotse</name></author>
  <link rel="self" type="application/atom+xml" href="${esc(opts.selfUrl)}"/>
${entries.join('\n')}
</feed>
`;
}
