import type { DialectName } from '../../infra/db/connect.js';

export const DUMP_FORMAT = 'regiolotse-dump';
export const DUMP_FORMAT_VERSION = 1;

/** The fields of a dump document besides `tables`, which is streamed and never held whole. */
export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  formatVersion: typeof DUMP_FORMAT_VERSION;
  exportedAt: string;
  source: { dialect: DialectName };
}

/** A cell as it appears in the document; binary cells are wrapped so they survive JSON. */
export type DumpValue = string | number | null | { $bytes: string };

export type DumpRow = Record<string, DumpValue>;

/** Progress of a long dump operation: rows (or bytes, while checking a file) done of total. */
export type DumpProgress = (phase: DumpPhase, done: number, total: number) => void;
export type DumpPhase = 'export' | 'check' | 'import';

/** A problem with a dump or its target database; the message carries German and English. */
export class DumpError extends Error {
  constructor(
    readonly code: string,
    en: string,
    de: string,
  ) {
    super(`${de} / ${en}`);
    this.name = 'DumpError';
  }
}
