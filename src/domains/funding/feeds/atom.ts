import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { parseJsonList } from '../matching/load.js';

/** XML 1.0 forbids most control characters; imported texts sometimes carry them. */
const allowedInXml = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
};

const esc = (s: string) =>
  [...s]
    .filter(allowedInXml)
    .join('')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    );

/**
 * Atom 1.0 feed of the newest public calls. The summary is composed from the call's facts, not
 * cut from its text: Förderdatenbank texts are CC BY-ND and may not be shortened.
 */
export async function renderCallsAtom(db: Kysely<DB>, baseUrl: string, limit = 50): Promise<string> {
  const calls = await db
    .selectFrom('funding_calls')
    .select([
      'id',
      'title',
      'giver_name',
      'eligible_applicants',
      'regions',
      'first_seen_at',
      'updated_at',
      'source_url',
      'attribution',
      'status',
    ])
    .where('is_public', '=', 1)
    .where('withdrawn_at', 'is', null)
    .orderBy('first_seen_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const updated = calls.reduce(
    (max, c) => (c.updated_at > max ? c.updated_at : max),
    '1970-01-01T00:00:00.000Z',
  );
  const status: Record<string, string> = { open: 'offen', forthcoming: 'angekündigt', closed: 'geschlossen' };
  const entries = calls.map((c) => {
    const applicants = parseJsonList(c.eligible_applicants).join(', ');
    const regions = parseJsonList(c.regions).join(', ');
    const summary = [
      c.giver_name ? `Fördergeber: ${c.giver_name}` : null,
      applicants ? `Antragsberechtigt: ${applicants}` : null,
      regions ? `Region: ${regions}` : null,
      `Status: ${status[c.status] ?? c.status}`,
    ]
      .filter(Boolean)
      .join('. ');
    const link = `${baseUrl}/funding/calls/${c.id}`;
    return [
      '  <entry>',
      `    <id>${esc(`${baseUrl}/funding/calls/${c.id}`)}</id>`,
      `    <title>${esc(c.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${esc(link)}"/>`,
      c.source_url ? `    <link rel="via" href="${esc(c.source_url)}"/>` : null,
      `    <published>${esc(c.first_seen_at)}</published>`,
      `    <updated>${esc(c.updated_at)}</updated>`,
      `    <summary>${esc(summary)}</summary>`,
      c.attribution ? `    <rights>${esc(c.attribution)}</rights>` : null,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <id>${esc(`${baseUrl}/feeds/funding/calls.atom`)}</id>`,
    '  <title>Förderradar: neue Aufrufe</title>',
    `  <updated>${esc(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(`${baseUrl}/feeds/funding/calls.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(`${baseUrl}/funding`)}"/>`,
    '  <author><name>Regiolotse Förderradar</name></author>',
    '  <generator>Regiolotse</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
