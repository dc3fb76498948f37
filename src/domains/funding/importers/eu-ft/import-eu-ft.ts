import { basename } from 'node:path';
import type { ParsedItem, ParsedSource } from '../../model.js';
import { mapGrantTender } from './map-grant-tender.js';
import { mapSearchResult } from './map-search-result.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export type EuShape = 'grants-tenders' | 'search-api';

export function euShapeOf(data: unknown): EuShape | null {
  if (isObj(data) && isObj(data.fundingData) && Array.isArray(data.fundingData.GrantTenderObj))
    return 'grants-tenders';
  if (isObj(data) && Array.isArray(data.results)) return 'search-api';
  return null;
}

/**
 * EU Funding & Tenders data: the bulk file grantsTenders.json (a full snapshot, so missing records
 * are withdrawn) or one page of search-API results (partial: nothing is withdrawn).
 */
export function parseEuFt(data: unknown, location: string): ParsedSource {
  const shape = euShapeOf(data);
  if (!shape || !isObj(data))
    throw new Error('not an EU Funding & Tenders file (no fundingData.GrantTenderObj[] nor results[])');
  const file = basename(location);
  const records: unknown[] =
    shape === 'grants-tenders'
      ? ((data.fundingData as Obj).GrantTenderObj as unknown[])
      : (data.results as unknown[]);
  const map = shape === 'grants-tenders' ? mapGrantTender : mapSearchResult;
  async function* items(): AsyncGenerator<ParsedItem> {
    const seen = new Set<string>();
    for (let i = 0; i < records.length; i++) {
      const item = map(records[i], i, file);
      if (item.kind === 'record' && seen.has(item.key)) {
        yield {
          kind: 'rejected',
          key: `${item.key}#${i}`,
          file,
          raw: JSON.stringify(records[i]),
          reason: `identifier "${item.key}" appears twice in the file`,
          sourceId: item.key,
        };
        continue;
      }
      seen.add(item.key);
      yield item;
    }
  }
  return {
    importer: shape === 'grants-tenders' ? 'eu-ft-grants-tenders' : 'eu-ft-search-api',
    source: 'eu-ft',
    sourceSet: 'eu-ft',
    full: shape === 'grants-tenders',
    total: records.length,
    items: items(),
    notes: [],
  };
}
