// Building an Intl.DateTimeFormat is costly; one per time zone is enough.
const formats = new Map<string, Intl.DateTimeFormat>();

/** Local calendar date and wall-clock time of an instant in a time zone ('YYYY-MM-DD', 'HH:MM'). */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  let fmt = formats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** An epoch-ms value as a Date, or null when it is not a plausible timestamp (1990–2100). */
export function epochMs(v: unknown): Date | null {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\d{9,14}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < 631152000000 || n > 4102444800000) return null;
  return new Date(n);
}

/** 'DD.MM.YYYY' or 'YYYY-MM-DD' (optionally with time) to 'YYYY-MM-DD'; null when not a real date. */
export function isoDate(v: string): string | null {
  const s = v.trim();
  let y: number;
  let m: number;
  let d: number;
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (de) [d, m, y] = [Number(de[1]), Number(de[2]), Number(de[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
