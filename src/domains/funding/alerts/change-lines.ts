/**
 * What changed on a watched call, in words a partner reads in a mail: German labels for the fields,
 * old → new values in the way the UI shows them, one line per call however many fields and rounds
 * changed. Long texts are named ("Beschreibung geändert") without quoting them.
 */

export interface ChangeRecord {
  id: number;
  /** 'call' or 'round' (a programme's changes are not sent: they reach watchers through its call) */
  recordType: string;
  recordId: number;
  kind: string;
  changes: string;
}

export interface RoundInfo {
  date: string | null;
  time: string | null;
  label: string | null;
}

const callLabels: Record<string, string> = {
  title: 'Titel',
  status: 'Status',
  stage_model: 'Verfahren',
  giver_level: 'Fördergeberebene',
  giver_name: 'Fördergeber',
  budget_eur: 'Budget',
  funding_rate_percent: 'Förderquote',
  min_grant_eur: 'Mindestförderung',
  max_grant_eur: 'Höchstförderung',
  eligible_applicants: 'Antragsberechtigte',
  regions: 'Regionen',
  fields_of_action: 'Handlungsfelder',
  identifier: 'Kennung',
  programme_id: 'Förderprogramm',
  call_kind: 'Art',
  source_url: 'Quelle',
  links: 'Links',
  text: 'Beschreibung',
  attribution: 'Namensnennung',
  licence: 'Lizenz',
  is_public: 'Sichtbarkeit',
};
const roundLabels: Record<string, string> = {
  deadline_date: 'Frist',
  deadline_time: 'Uhrzeit',
  opens_at: 'Beginn',
  label: 'Bezeichnung',
  deadline_kind: 'Art der Frist',
  time_zone: 'Zeitzone',
};
/** Fields whose values are too long for a mail line, or are bookkeeping: named only, or left out. */
const namedOnly = new Set(['text', 'links', 'attribution', 'licence']);
const notShown = new Set(['import_notes', 'text_is_verbatim', 'evidence', 'confidence', 'content_hash']);

const words: Record<string, Record<string, string>> = {
  status: { forthcoming: 'angekündigt', open: 'offen', closed: 'geschlossen' },
  stage_model: {
    'single-stage': 'einstufig',
    'two-stage': 'zweistufig',
    rolling: 'laufend',
    'multiple-cut-offs': 'mehrere Stichtage',
    unknown: 'unbekannt',
  },
  giver_level: { EU: 'EU', Bund: 'Bund', Land: 'Land', other: 'sonstige' },
  deadline_kind: {
    submission: 'Einreichung',
    outline: 'Projektskizze',
    full_proposal: 'Vollantrag',
    cut_off: 'Stichtag',
    other: 'sonstige',
  },
  is_public: { '1': 'öffentlich', '0': 'nicht öffentlich' },
};

const deDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const euro = (n: number) => `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(n)} €`;

function shown(field: string, v: unknown, names: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return '–';
  const s = String(v);
  const w = words[field]?.[s];
  if (w) return w;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return deDate(s);
  if (field.endsWith('_eur') && Number.isFinite(Number(v))) return euro(Number(v));
  if (field === 'funding_rate_percent') return `${String(v).replace('.', ',')} %`;
  if (s.startsWith('[')) {
    try {
      const list = JSON.parse(s) as unknown[];
      if (Array.isArray(list))
        return list.length ? list.map((x) => names[String(x)] ?? String(x)).join(', ') : '–';
    } catch {
      // not a list after all: shown as written
    }
  }
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function parse(json: string): Record<string, { before: unknown; after: unknown }> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' ? (v as Record<string, { before: unknown; after: unknown }>) : {};
  } catch {
    return {};
  }
}

const roundName = (r: RoundInfo | undefined) =>
  r?.date
    ? `${r.label ? `${r.label} ` : ''}${deDate(r.date)}${r.time ? `, ${r.time} Uhr` : ''}`
    : 'eine Frist';

/**
 * One line for all changes of one call, oldest first: "Frist 15.03.2026 → 30.04.2026; Status: offen →
 * geschlossen; neue Frist 15.09.2026". `fieldNames` turns field-of-action keys into names.
 */
export function describeCallChanges(
  changes: ChangeRecord[],
  rounds: Map<number, RoundInfo>,
  fieldNames: Record<string, string> = {},
): string {
  const parts: string[] = [];
  const add = (p: string) => {
    if (!parts.includes(p)) parts.push(p);
  };
  for (const c of [...changes].sort((a, b) => a.id - b.id)) {
    const isRound = c.recordType === 'round';
    const round = isRound ? rounds.get(c.recordId) : undefined;
    if (c.kind === 'withdrawn') add(isRound ? `Frist ${roundName(round)} entfällt` : 'zurückgezogen');
    else if (c.kind === 'reappeared')
      add(isRound ? `Frist ${roundName(round)} gilt wieder` : 'wieder veröffentlicht');
    else if (c.kind === 'first_seen') {
      if (isRound) add(`neue Frist ${roundName(round)}`);
    } else {
      const fields = parse(c.changes);
      const labels = isRound ? roundLabels : callLabels;
      for (const [field, v] of Object.entries(fields)) {
        if (notShown.has(field)) continue;
        const label = labels[field] ?? (isRound ? 'Frist' : 'Angaben');
        if (namedOnly.has(field)) {
          add(`${label} geändert`);
          continue;
        }
        add(`${label}: ${shown(field, v.before, fieldNames)} → ${shown(field, v.after, fieldNames)}`);
      }
    }
  }
  return parts.length ? parts.join('; ') : 'Angaben geändert';
}
