import type { CallInput, Contact, LinkRef, ProgrammeInput } from '../../model.js';
import type { GiverLevel } from '../../tables.js';
import { classified, type GsbDocument, htmlToPlain, linkList, plainValue, richText } from './gsb-document.js';
import { applicantLabels, areaLabels, fundingTypeLabels, giverLevels, label, regionLabels } from './vocab.js';

export const FDB_LICENCE = 'CC BY-ND 4.0';
const FDB_SITE = 'https://www.foerderdatenbank.de';
const PROGRAMME_ROOT = '/BMWI/FDB/Content/DE/Foerderprogramm/';

/** Loads a referenced document (contact, address, giver, external link); null when missing. */
export type Resolve = (targetPath: string) => Promise<GsbDocument | null>;

/**
 * Stable id as CorrelAid's table does it (id_url): the path below Foerderprogramm/, slashes to "-",
 * lower case. The slug alone is not unique: a programme offered by several Länder shares it.
 */
export function fdbSourceId(doc: GsbDocument): string {
  return fdbSourceIdOfPath(`${doc.path}/${doc.name}`);
}

/** The same id from a document's target path, for a file that cannot be parsed. */
export function fdbSourceIdOfPath(full: string): string {
  const below = full.startsWith(PROGRAMME_ROOT) ? full.slice(PROGRAMME_ROOT.length) : full.replace(/^\//, '');
  return below.replaceAll('/', '-').toLowerCase();
}

export function fdbPublicUrl(doc: GsbDocument): string {
  return `${FDB_SITE}${doc.path.replace(/^\/BMWI/, '')}/${doc.name}.html`;
}

export function fdbAttribution(title: string, url: string): string {
  return `${title} von Bundesministerium für Wirtschaft und Energie, lizensiert unter ${FDB_LICENCE}, Quelle: ${url}`;
}

const lastSegment = (p: string) => p.split('/').pop() ?? p;
const titleOf = (d: GsbDocument) => htmlToPlain(d.props.get('gsb:title')?.html ?? '');

async function externalLink(resolve: Resolve, target: string): Promise<LinkRef | null> {
  const d = await resolve(target);
  const url = d ? plainValue(d, 'gsb:url') : null;
  if (!d || !url) return null;
  return { label: titleOf(d).replace(/\s*\(externer Link\)\s*$/, ''), url };
}

async function contactOf(resolve: Resolve, target: string): Promise<Contact | null> {
  const d = await resolve(target);
  if (!d) return null;
  const c: Contact = { name: titleOf(d) };
  const phone = plainValue(d, 'gsb:phone');
  const fax = plainValue(d, 'gsb:fax');
  const email = plainValue(d, 'gsb:email');
  if (phone) c.phone = phone;
  if (fax) c.fax = fax;
  if (email) c.email = email;
  for (const list of classified(d, 'gsb:cl2Addresses')) {
    for (const a of list.links) {
      const addr = await resolve(a);
      if (!addr) continue;
      const street = [plainValue(addr, 'gsb:road'), plainValue(addr, 'gsb:houseId')]
        .filter(Boolean)
        .join(' ');
      const town = [plainValue(addr, 'gsb:zipCode'), plainValue(addr, 'gsb:city')].filter(Boolean).join(' ');
      const text = [street, town].filter(Boolean).join(', ');
      if (text) c.address = text;
    }
  }
  for (const w of linkList(d, 'gsb:website')) {
    const link = await externalLink(resolve, w);
    if (link) {
      c.website = link.url;
      break;
    }
  }
  for (const list of classified(d, 'gsb:cl2RespTargets')) {
    for (const parent of list.links) {
      const p = await resolve(parent);
      if (p && titleOf(p) && titleOf(p) !== c.name) c.role = `Teil von ${titleOf(p)}`;
    }
  }
  return c.name ? c : null;
}

function hrefsInHtml(html: string | null): string[] {
  if (!html) return [];
  return [...html.matchAll(/xlink:href="target:([^"]+)"/g)].map((m) => m[1]);
}

/** Builds programme and its standing call (Richtlinienförderung) from one ServiceOffer document. */
export async function mapFdbProgramme(
  doc: GsbDocument,
  resolve: Resolve,
): Promise<{ programme: ProgrammeInput; call: CallInput }> {
  const title = titleOf(doc);
  if (!title) throw new Error('programme has no title (gsb:title empty)');
  const notes: string[] = [];
  if (doc.strippedChars > 0)
    notes.push(`removed ${doc.strippedChars} characters that XML 1.0 forbids before parsing`);
  const url = fdbPublicUrl(doc);
  const cls = classified(doc, 'gsb:cl2Processes');
  const slugs = (classifier: string) =>
    cls.filter((c) => c.classifier === classifier).flatMap((c) => c.links.map(lastSegment));
  const fundingTypes = slugs('Foerderart').map((s) => label(fundingTypeLabels, s, notes, 'Förderart'));
  const regions = slugs('Foerdergebiet').map((s) => label(regionLabels, s, notes, 'Fördergebiet'));
  const applicants = slugs('Foerderberechtigte').map((s) =>
    label(applicantLabels, s, notes, 'Förderberechtigte'),
  );
  const areas = slugs('Foerderbereich').map((s) => label(areaLabels, s, notes, 'Förderbereich'));
  const giverSlug = slugs('Foerdergeber')[0];
  let giverLevel: GiverLevel = giverSlug ? (giverLevels[giverSlug] ?? 'other') : 'other';
  if (!giverSlug)
    giverLevel = doc.path.includes('/Land/') ? 'Land' : doc.path.includes('/EU/') ? 'EU' : 'Bund';
  const giverNames: string[] = [];
  for (const target of cls.filter((c) => c.classifier === 'Foerderorganisation').flatMap((c) => c.links)) {
    const g = await resolve(target);
    if (g && titleOf(g)) giverNames.push(titleOf(g));
  }
  const contacts: Contact[] = [];
  for (const target of classified(doc, 'gsb:cl2Contacts').flatMap((c) => c.links)) {
    const c = await contactOf(resolve, target);
    if (c) contacts.push(c);
  }
  const body = richText(doc, 'gsb:bodyText');
  const links: LinkRef[] = [{ label: 'Förderdatenbank des Bundes', url }];
  const linkTargets = [
    ...classified(doc, 'gsb:cl2CustServices').flatMap((c) => c.links),
    ...hrefsInHtml(body),
  ];
  for (const target of [...new Set(linkTargets)]) {
    const l = await externalLink(resolve, target);
    if (l && !links.some((x) => x.url === l.url)) links.push(l);
  }
  const attribution = fdbAttribution(title, url);
  const deadlineText = richText(doc, 'gsb:procInfluence');
  const importNotes = notes.length ? [...new Set(notes)].join('; ') : null;
  const sourceId = fdbSourceId(doc);
  const programme: ProgrammeInput = {
    sourceId,
    sourceUrl: url,
    title,
    giverLevel,
    giverName: giverNames.join('; ') || null,
    fundingTypes,
    fundingAreas: areas,
    regions,
    eligibleApplicants: applicants,
    // gsb:procDescription cites the legal basis ("Sozialgesetzbuch, Drittes Buch …"); gsb:regulatoryFWork
    // holds the legal *requirements* for applicants ("Rechtliche Voraussetzungen").
    legalBasis: richText(doc, 'gsb:procDescription'),
    requirements: richText(doc, 'gsb:regulatoryFWork'),
    procedureText: richText(doc, 'gsb:procMethod'),
    contacts,
    keywords: plainValue(doc, 'gsb:keywords'),
    summary: richText(doc, 'gsb:summary') ?? richText(doc, 'gsb:teaserText'),
    body,
    deadlineText,
    licence: FDB_LICENCE,
    attribution,
    textIsVerbatim: true,
    importNotes,
  };
  const call: CallInput = {
    sourceId,
    sourceUrl: url,
    callKind: 'guideline',
    identifier: null,
    title,
    text: null,
    status: 'open',
    // Whether applications run continuously or by dates is read from the programme's texts
    // (deadline extraction), not assumed.
    stageModel: 'unknown',
    giverLevel,
    giverName: programme.giverName,
    budgetEur: null,
    fundingRatePercent: null,
    minGrantEur: null,
    maxGrantEur: null,
    eligibleApplicants: applicants,
    regions,
    fieldsOfAction: [],
    links,
    licence: FDB_LICENCE,
    attribution,
    textIsVerbatim: true,
    importNotes,
    rounds: [],
  };
  return { programme, call };
}
