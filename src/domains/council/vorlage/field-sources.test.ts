import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combineWithOparl, storedFieldSources } from './field-sources.js';
import { parseVorlageText } from './parse-vorlage.js';

// Karlsruhe 2014/0327 (../shared/vorlagen) and its OParl paper record 33762 (../shared/oparl/real/karlsruhe).
const shared = join(process.cwd(), '..', 'shared');
const parsed = parseVorlageText(
  readFileSync(join(shared, 'vorlagen', 'karlsruhe_file-149946_paper-33762.txt'), 'utf8'),
).paper;
const oparl = JSON.parse(
  readFileSync(join(shared, 'oparl', 'real', 'karlsruhe', 'papers', '33762.json'), 'utf8'),
);

describe('combineWithOparl', () => {
  it('names OParl and the text as sources where they agree, the text where OParl says nothing', () => {
    const { sources, conflicts } = combineWithOparl(parsed, {
      reference: oparl.reference,
      name: oparl.name,
      date: oparl.date,
      paperType: oparl.paperType,
    });
    expect(oparl.reference).toBe('2014/0327');
    expect(sources.reference).toBe('oparl+text');
    expect(sources.paperType).toBe('oparl');
    expect(sources.department).toBe('text');
    expect(sources.consultations).toBe('text');
    expect(sources.handler).toBeNull();
    // OParl's record date is not the printed release date: kept, and the disagreement reported.
    expect(sources.date).toBe('oparl');
    expect(conflicts).toContainEqual({ field: 'date', oparl: oparl.date, text: '2014-12-05' });
  });

  it('keeps OParl values and reports the text value beside them when they disagree', () => {
    const { sources, conflicts } = combineWithOparl(parsed, {
      reference: '33762',
      name: null,
      date: null,
      paperType: null,
    });
    expect(sources.reference).toBe('oparl');
    expect(sources.title).toBe('text');
    expect(conflicts).toEqual([{ field: 'reference', oparl: '33762', text: '2014/0327' }]);
  });

  it('gives an uploaded paper the text as source of every stored field', () => {
    const s = storedFieldSources({
      fromOparl: false,
      reference: 'X/1',
      name: 'Titel',
      date: null,
      paperType: null,
      hasConsultations: true,
      parsed: {
        decisionKind: 'Beschluss',
        department: null,
        handler: null,
        fileReference: null,
        impacts: null,
        draftResolution: null,
        statementOfFacts: null,
      },
    });
    expect(s).toMatchObject({
      reference: 'text',
      title: 'text',
      date: null,
      consultations: 'text',
      decisionKind: 'text',
      department: null,
    });
  });
});
