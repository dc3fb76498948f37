import type { SeedOrganization } from './office-data.js';

/**
 * Committees for the Fristenplaner's demo (src/domains/planner/demo). The seed names none of the
 * partners' committees; these are illustrative: the council and district organs every NRW city and
 * Kreis has by law (GO NRW, KrO NRW), and one specialist committee per body whose name says it is an
 * example. Their meeting dates in the planner are invented. The source note says so, and the
 * planner marks them in its UI.
 */
export const ILLUSTRATIVE_SOURCE = 'Demodaten für den Fristenplaner (illustrativ, nicht aus einer Quelle)';

const note =
  'Illustratives Gremium der Demodaten: Die Sitzungstermine im Fristenplaner sind erfunden, nicht aus einem Ratsinformationssystem.';

export const illustrativeCommittees: SeedOrganization[] = [
  {
    key: 'org:lhd-fachausschuss-wirtschaft-beispiel',
    name: 'Fachausschuss Wirtschaft (Beispiel)',
    kind: 'committee',
    parentKey: 'org:lhd',
    bodyKey: 'ags:05111000',
    description: `Beispiel-Fachausschuss der Landeshauptstadt Düsseldorf; der Name ist erfunden. ${note}`,
    source: ILLUSTRATIVE_SOURCE,
  },
  {
    key: 'org:lhd-haupt-und-finanzausschuss',
    name: 'Haupt- und Finanzausschuss',
    kind: 'committee',
    parentKey: 'org:lhd',
    bodyKey: 'ags:05111000',
    description: `Haupt- und Finanzausschuss des Rates der Landeshauptstadt Düsseldorf (§ 57, § 59 GO NRW). ${note}`,
    source: ILLUSTRATIVE_SOURCE,
  },
  {
    key: 'org:lhd-rat',
    name: 'Rat der Landeshauptstadt Düsseldorf',
    kind: 'committee',
    parentKey: 'org:lhd',
    bodyKey: 'ags:05111000',
    description: `Der Rat der Stadt (§ 40 GO NRW). ${note}`,
    source: ILLUSTRATIVE_SOURCE,
  },
  {
    key: 'org:kreis-me-fachausschuss-wirtschaft-beispiel',
    name: 'Kreis-Fachausschuss Wirtschaft (Beispiel)',
    kind: 'committee',
    parentKey: 'org:kreis-mettmann',
    bodyKey: 'ags:05158',
    description: `Beispiel-Fachausschuss des Kreises Mettmann; der Name ist erfunden. ${note}`,
    source: ILLUSTRATIVE_SOURCE,
  },
  {
    key: 'org:kreis-me-kreisausschuss',
    name: 'Kreisausschuss',
    kind: 'committee',
    parentKey: 'org:kreis-mettmann',
    bodyKey: 'ags:05158',
    description: `Kreisausschuss des Kreises Mettmann (§ 50 KrO NRW). ${note}`,
    source: ILLUSTRATIVE_SOURCE,
  },
  {
    key: 'org:kreis-me-kreistag',
    name: 'Kreistag',
    kind: 'committee',
    parentKey: 'org:kreis-mettmann',
    bodyKey: 'ags:05158',
    description: `Kreistag des Kreises Mettmann (§ 25 KrO NRW). ${note}`,
    source: ILLUSTRATIVE_SOURCE,
  },
];
