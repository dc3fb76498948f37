import { applicantKeys, regionPrefixes, terms, termsWithWords } from './vocabulary.js';

export interface CallForMatching {
  id: number;
  title: string;
  text: string | null;
  fields: string[];
  fieldNames?: Record<string, string>;
  applicants: string[];
  regions: string[];
  /** Next open deadline (YYYY-MM-DD) or null */
  nextDeadline: string | null;
  closed: boolean;
}

export interface TargetForMatching {
  id: number;
  title: string;
  text: string | null;
  fields: string[];
  applicantType: string | null;
  regionAgs: string | null;
  keywords?: string[];
}

/** Per-organisation learning from relevant/not-relevant feedback. */
export interface Feedback {
  relevantCalls: Set<number>;
  irrelevantCalls: Set<number>;
}

export interface Match {
  callId: number;
  targetId: number;
  score: number;
  reasons: string[];
}

interface PreparedCall {
  call: CallForMatching;
  fieldMask: Uint32Array;
  applicantMask: number;
  anyApplicant: boolean;
  daysLeft: number | null;
  regions: { prefix: string; label: string }[];
  regionIds: Int32Array;
  anyRegion: boolean;
  termSet: Set<string>;
}

/**
 * Scores calls against projects, papers or organisation profiles. Fields are bit sets and words
 * go through an inverted index, so a target is compared with all calls in one pass over the
 * calls plus the postings of its own words (5,000 calls × 1,000 projects well under 2 s).
 * Every point of the score comes with a German reason a person can check.
 */
export class MatchingEngine {
  private readonly fieldIndex = new Map<string, number>();
  private readonly calls: PreparedCall[];
  private readonly postings = new Map<string, number[]>();
  private readonly prefixIndex = new Map<string, number>();
  private readonly words: number;

  constructor(
    calls: CallForMatching[],
    private readonly fieldNames: Record<string, string> = {},
    private readonly today = new Date().toISOString().slice(0, 10),
  ) {
    for (const c of calls) for (const f of c.fields) this.fieldBit(f);
    this.words = Math.max(1, Math.ceil(this.fieldIndex.size / 32));
    this.calls = calls.map((call, i) => {
      const callTerms = terms(`${call.title} ${call.text ?? ''}`, 160);
      for (const t of callTerms) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
      const keys = applicantKeys(call.applicants);
      const regions = regionPrefixes(call.regions);
      return {
        call,
        fieldMask: this.mask(call.fields),
        applicantMask: applicantMask(keys),
        anyApplicant: keys.length === 0,
        daysLeft: call.nextDeadline ? daysBetween(this.today, call.nextDeadline) : null,
        regions,
        regionIds: Int32Array.from(regions.map((r) => this.prefixId(r.prefix))),
        anyRegion: regions.length === 0 || regions.some((r) => r.prefix === ''),
        termSet: new Set(callTerms),
      };
    });
  }

  private prefixId(prefix: string): number {
    let id = this.prefixIndex.get(prefix);
    if (id === undefined) {
      id = this.prefixIndex.size;
      this.prefixIndex.set(prefix, id);
    }
    return id;
  }

  private fieldBit(f: string): number {
    let bit = this.fieldIndex.get(f);
    if (bit === undefined) {
      bit = this.fieldIndex.size;
      this.fieldIndex.set(f, bit);
    }
    return bit;
  }

  private mask(fields: string[]): Uint32Array {
    const m = new Uint32Array(this.words);
    for (const f of fields) {
      const bit = this.fieldIndex.get(f);
      if (bit !== undefined) m[bit >>> 5] |= 1 << (bit & 31);
    }
    return m;
  }

  /** The best `limit` calls for one target, with reasons; calls the target may not apply for are left out. */
  matchTarget(
    target: TargetForMatching,
    opts: {
      limit?: number;
      feedback?: Feedback;
      minScore?: number;
      /**
       * The fields come from the text classifier (council papers), not from a person: a shared field
       * without shared words (a hydrogen call and an "Infrastruktur" paper) then ranks below every
       * match on shared content.
       */
      contentFirst?: boolean;
      /** Shared words needed before content counts (contentFirst; default 2). */
      minShared?: number;
    } = {},
  ): Match[] {
    const limit = opts.limit ?? 20;
    const minScore = opts.minScore ?? 0.25;
    const tMask = this.mask(target.fields);
    const tFieldCount = Math.max(1, target.fields.length);
    const tApplicant = target.applicantType ? applicantKeys([target.applicantType]) : [];
    const ags = target.regionAgs ?? '';
    const common = new Uint16Array(this.calls.length);
    const tWords = termsWithWords(
      `${target.title} ${target.text ?? ''} ${(target.keywords ?? []).join(' ')}`,
      120,
    );
    const tTerms = [...tWords.keys()];
    for (const t of tTerms) {
      const list = this.postings.get(t);
      // too common to tell calls apart (a handful of calls never makes a word common)
      if (!list || list.length > Math.max(3, this.calls.length / 4)) continue;
      for (const i of list) common[i]++;
    }
    const fieldBias = this.fieldBias(opts.feedback);
    const tApplicantMask = applicantMask(tApplicant);
    const scores = new Float64Array(this.calls.length).fill(-1);
    const regionOf = new Int16Array(this.calls.length).fill(-1);
    const inRegion = new Uint8Array(this.prefixIndex.size);
    for (const [prefix, id] of this.prefixIndex) inRegion[id] = ags.startsWith(prefix) ? 1 : 0;
    let kept = 0;
    for (let i = 0; i < this.calls.length; i++) {
      const p = this.calls[i];
      if (p.call.closed) continue;
      if (!p.anyApplicant && tApplicantMask && (p.applicantMask & tApplicantMask) === 0) continue;
      if (!p.anyRegion && ags) {
        let r = -1;
        for (let k = 0; k < p.regionIds.length && r < 0; k++) if (inRegion[p.regionIds[k]]) r = k;
        if (r < 0) continue;
        regionOf[i] = r;
      }
      let overlap = 0;
      for (let w = 0; w < this.words; w++) overlap += popcount(p.fieldMask[w] & tMask[w]);
      const shared = common[i];
      if (overlap === 0 && shared < 2) continue;
      let score: number;
      if (opts.contentFirst) {
        const ratio = Math.min(1, overlap / tFieldCount);
        const need = opts.minShared ?? 2;
        // a field alone scores at most 0.12; two shared words already 0.16, six or more 0.5
        score =
          shared >= need
            ? 0.16 + 0.34 * Math.min(1, (shared - need) / 4) + (overlap > 0 ? 0.2 + 0.1 * ratio : 0)
            : overlap > 0
              ? 0.08 + 0.04 * ratio
              : 0;
      } else {
        score = overlap > 0 ? 0.35 + 0.25 * Math.min(1, overlap / tFieldCount) : 0;
        score += 0.25 * Math.min(1, shared / 6);
      }
      if (!p.anyApplicant && tApplicantMask) score += 0.1;
      if (regionOf[i] >= 0) score += 0.05;
      if (p.daysLeft !== null && p.daysLeft >= 0 && p.daysLeft < 7) score -= 0.05; // too late to prepare well
      if (opts.feedback) {
        if (opts.feedback.relevantCalls.has(p.call.id)) score += 0.3;
        else if (opts.feedback.irrelevantCalls.has(p.call.id)) score *= 0.2;
        else if (fieldBias.size) score += Math.max(-0.2, Math.min(0.2, this.biasOf(p, fieldBias)));
      }
      if (score < minScore) continue;
      scores[i] = score;
      kept++;
    }
    return this.topIndices(scores, kept, limit).map((i) => {
      const p = this.calls[i];
      const region = regionOf[i] >= 0 ? p.regions[regionOf[i]] : undefined;
      const reasons = this.reasons(p, tMask, tApplicantMask !== 0 && !p.anyApplicant, region);
      if (common[i] >= 2) {
        const words = tTerms
          .filter((t) => p.termSet.has(t))
          .slice(0, 4)
          .map((t) => tWords.get(t) ?? t);
        reasons.push(`gemeinsame Begriffe: ${words.join(', ')}`);
      }
      if (p.daysLeft !== null && p.daysLeft >= 0) reasons.push(`Frist in ${p.daysLeft} Tagen`);
      if (opts.feedback?.relevantCalls.has(p.call.id))
        reasons.push('von Ihrer Organisation als relevant markiert');
      else if (opts.feedback?.irrelevantCalls.has(p.call.id))
        reasons.push('von Ihrer Organisation als nicht relevant markiert');
      else if (fieldBias.size) {
        const bias = this.biasOf(p, fieldBias);
        if (bias > 0) reasons.push('ähnliche Aufrufe als relevant markiert');
        if (bias < 0) reasons.push('ähnliche Aufrufe als nicht relevant markiert');
      }
      return { callId: p.call.id, targetId: target.id, score: Math.round(scores[i] * 1000) / 1000, reasons };
    });
  }

  /** The `limit` best indices without sorting every candidate (insertion into a short list). */
  private topIndices(scores: Float64Array, kept: number, limit: number): number[] {
    const top: number[] = [];
    if (kept === 0) return top;
    const better = (a: number, b: number) =>
      scores[a] > scores[b] || (scores[a] === scores[b] && this.calls[a].call.id < this.calls[b].call.id);
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] < 0) continue;
      if (top.length === limit && !better(i, top[top.length - 1])) continue;
      let pos = top.length < limit ? top.length : limit - 1;
      top[pos] = i;
      while (pos > 0 && better(top[pos], top[pos - 1])) {
        [top[pos], top[pos - 1]] = [top[pos - 1], top[pos]];
        pos--;
      }
    }
    return top;
  }

  private biasOf(p: PreparedCall, fieldBias: Map<string, number>): number {
    let bias = 0;
    for (const f of p.call.fields) bias += fieldBias.get(f) ?? 0;
    return bias;
  }

  private fieldBias(feedback?: Feedback): Map<string, number> {
    const bias = new Map<string, number>();
    if (!feedback) return bias;
    const byId = new Map(this.calls.map((p) => [p.call.id, p.call]));
    for (const [ids, delta] of [
      [feedback.relevantCalls, 0.05],
      [feedback.irrelevantCalls, -0.05],
    ] as const) {
      for (const id of ids)
        for (const f of byId.get(id)?.fields ?? []) bias.set(f, (bias.get(f) ?? 0) + delta);
    }
    return bias;
  }

  private reasons(
    p: PreparedCall,
    tMask: Uint32Array,
    applicantChecked: boolean,
    region: { label: string } | undefined,
  ): string[] {
    const out: string[] = [];
    for (const f of p.call.fields) {
      const bit = this.fieldIndex.get(f)!;
      if (tMask[bit >>> 5] & (1 << (bit & 31))) out.push(`Handlungsfeld ${this.fieldNames[f] ?? f}`);
    }
    if (applicantChecked && p.call.applicants.length)
      out.push(`antragsberechtigt: ${p.call.applicants.join(', ')}`);
    if (region) out.push(`Region ${region.label}`);
    return out;
  }
}

const applicantBits = new Map<string, number>();
function applicantMask(keys: string[]): number {
  let m = 0;
  for (const k of keys) {
    let bit = applicantBits.get(k);
    if (bit === undefined) {
      bit = applicantBits.size;
      applicantBits.set(k, bit);
    }
    m |= 1 << bit;
  }
  return m;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
