import { germanStopwords } from '../../search/text/stopwords.js';

/** Land names (as the FDB labels them) → the first two digits of their municipalities' AGS. */
const landPrefixes: Record<string, string> = {
  'schleswig-holstein': '01',
  hamburg: '02',
  niedersachsen: '03',
  bremen: '04',
  'nordrhein-westfalen': '05',
  nrw: '05',
  hessen: '06',
  'rheinland-pfalz': '07',
  'baden-württemberg': '08',
  bayern: '09',
  saarland: '10',
  berlin: '11',
  brandenburg: '12',
  'mecklenburg-vorpommern': '13',
  sachsen: '14',
  'sachsen-anhalt': '15',
  thüringen: '16',
};
const everywhere = new Set(['bundesweit', 'deutschland', 'de', 'eu', 'europa', 'international', 'weltweit']);

/** Short German names of a region for reasons ("Region NRW"). */
export function regionLabel(region: string): string {
  return region.toLowerCase() === 'nordrhein-westfalen' ? 'NRW' : region;
}

/**
 * AGS prefixes a call's region list covers: '' covers all of Germany, '05' NRW, '05111' a district
 * or district-free city, an 8-digit key one municipality.
 */
export function regionPrefixes(regions: string[]): { prefix: string; label: string }[] {
  const out: { prefix: string; label: string }[] = [];
  for (const r of regions) {
    const key = r.trim().toLowerCase();
    if (everywhere.has(key)) out.push({ prefix: '', label: r.trim() });
    else if (key in landPrefixes) out.push({ prefix: landPrefixes[key], label: regionLabel(r.trim()) });
    else if (/^\d{2,8}$/.test(key)) out.push({ prefix: key.replace(/0+$/, '').padEnd(2, '0'), label: r });
  }
  return out;
}

const applicantSynonyms: [RegExp, string][] = [
  [/kommun|gemeinde|städte|stadt|kreis|gebietskörperschaft|municipal/i, 'kommune'],
  [/unternehm|kmu|betrieb|firm|enterprise|sme/i, 'unternehmen'],
  [/öffentliche einrichtung|behörde|public body/i, 'oeffentliche_einrichtung'],
  [/verband|verein|vereinigung|kammer|ihk|association|ngo/i, 'verband'],
  [/hochschule|universit/i, 'hochschule'],
  [/forschung|research/i, 'forschung'],
  [/bildung|schule|education/i, 'bildung'],
  [/gründ|existenz|start-?up/i, 'gruender'],
  [/privat|bürger|person/i, 'privat'],
  [/wirtschaftsförder|regionalmanagement|regionalagentur/i, 'wirtschaftsfoerderung'],
];

/** One key per kind of applicant, so "Kommunen", "Kommune" and "Gebietskörperschaften" compare equal. */
export function applicantKeys(labels: string[]): string[] {
  const keys = new Set<string>();
  for (const l of labels) {
    for (const [re, key] of applicantSynonyms) if (re.test(l)) keys.add(key);
  }
  return [...keys];
}

// The search index's German stop words (one list for the project) and the English ones of EU texts,
// plus words of funding prose that say nothing about a subject.
const stop = new Set([
  ...germanStopwords,
  ...'the and for with of to a an in on by from this that are be or as at it its will shall should can may must have has been such other which their these those into through within under more also than each where when there provide specific including support ensure'.split(
    ' ',
  ),
  ...'sowie insbesondere bereits dabei damit dafür daher deren somit sollen sollten werden wurden worden können könnten haben hatte müssen möglich weitere weiteren weiterer neben gemäß jeweils beträgt erhalten gewährt stand menschen'.split(
    ' ',
  ),
]);

/** The comparison form of a word: lower case with a cheap German suffix cut (never shown to people). */
function stemOf(word: string): string {
  return word.replace(/(ungen|ung|en|er|es|e|n|s)$/, '');
}

/**
 * Words of a text for overlap: 5+ letters, no stop words, compared by a cheap German suffix cut.
 * Returns each comparison form with the word as it first appears in the text, so a reason can show
 * "Vermarktung" rather than the cut form "vermarkt".
 */
export function termsWithWords(text: string | null | undefined, limit = 200): Map<string, string> {
  const out = new Map<string, string>();
  if (!text) return out;
  for (const raw of text.replace(/<[^>]+>/g, ' ').split(/[^A-Za-zÄÖÜäöüß0-9]+/)) {
    const lower = raw.toLowerCase();
    if (lower.length < 5 || stop.has(lower) || /^\d+$/.test(lower)) continue;
    const stem = stemOf(lower);
    if (!out.has(stem)) out.set(stem, raw);
    if (out.size >= limit) break;
  }
  return out;
}

/** The comparison forms of a text's words (see termsWithWords). */
export function terms(text: string | null | undefined, limit = 200): string[] {
  return [...termsWithWords(text, limit).keys()];
}
