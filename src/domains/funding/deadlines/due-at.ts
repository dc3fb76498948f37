/** Offset of an IANA zone at a given UTC instant, in minutes (Intl knows the DST rules). */
function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/**
 * The UTC instant of a local date and time. Fixed offsets ("MEZ" → +01:00) are taken as written,
 * even if the date falls in summer time, because the call text is what binds applicants.
 */
export function toUtcInstant(date: string, time: string, zone: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  let offset: number;
  if (zone === 'UTC') offset = 0;
  else if (/^[+-]\d{2}:\d{2}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  } else {
    offset = zoneOffsetMinutes(zone, new Date(naive));
    offset = zoneOffsetMinutes(zone, new Date(naive - offset * 60_000));
  }
  return new Date(naive - offset * 60_000).toISOString();
}
