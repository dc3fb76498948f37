export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The fields that differ between two snapshots; bookkeeping fields that always change are skipped. */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const skip = new Set(['updatedAt', 'updated_at', 'version']);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !skip.has(f));
  return fields
    .map((field) => ({ field, before: show(a[field]), after: show(b[field]) }))
    .filter((c) => c.before !== c.after);
}
