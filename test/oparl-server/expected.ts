import type { Json } from './fixtures.js';
import type { OParlTestServer } from './server.js';

const embedded: Record<string, string> = {
  location: 'Location',
  legislativeTerm: 'LegislativeTerm',
  membership: 'Membership',
  agendaItem: 'AgendaItem',
  consultation: 'Consultation',
  invitation: 'File',
  resultsProtocol: 'File',
  verbatimProtocol: 'File',
  auxiliaryFile: 'File',
  mainFile: 'File',
  resolutionFile: 'File',
  derivativeFile: 'File',
};

const kindOf = (o: Json, hint: string): string => {
  const m = /\/(\w+)$/.exec(String(o.type ?? ''));
  return m ? m[1] : hint;
};

/** Every distinct OParl id the server holds, per kind, including embedded objects. */
export function expectedIds(server: OParlTestServer): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visit = (o: unknown, hint: string) => {
    if (!o || typeof o !== 'object' || Array.isArray(o)) return;
    const obj = o as Json;
    if (typeof obj.id !== 'string') return;
    const kind = kindOf(obj, hint);
    if (!out.has(kind)) out.set(kind, new Set());
    out.get(kind)!.add(obj.id);
    for (const [prop, k] of Object.entries(embedded)) {
      const v = obj[prop];
      for (const c of Array.isArray(v) ? v : [v]) visit(c, k);
    }
  };
  for (const [path, list] of server.lists) {
    const hint = path.endsWith('/bodies') ? 'Body' : 'Unknown';
    for (const o of list) visit(o, hint);
  }
  return out;
}
