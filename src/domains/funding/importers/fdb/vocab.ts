import type { GiverLevel } from '../../tables.js';

/**
 * Labels of the FDB category slugs (SiteGlobals/Categories/FDB/<Classifier>/<slug>) as the
 * foerderdatenbank.de search filters show them. A slug not listed is kept as given and noted.
 */
export const fundingTypeLabels: Record<string, string> = {
  zuschuss: 'Zuschuss',
  darlehen: 'Darlehen',
  buergschaft: 'Bürgschaft',
  beteiligung: 'Beteiligung',
  garantie: 'Garantie',
  sonstige: 'Sonstige',
};

export const applicantLabels: Record<string, string> = {
  existenzgruenderin: 'Existenzgründer/in',
  unternehmen: 'Unternehmen',
  oeffentliche_einrichtung: 'Öffentliche Einrichtung',
  verband_vereinigung: 'Verband/Vereinigung',
  kommune: 'Kommune',
  bildungseinrichtung: 'Bildungseinrichtung',
  forschungseinrichtung: 'Forschungseinrichtung',
  hochschule: 'Hochschule',
  privatperson: 'Privatperson',
};

export const regionLabels: Record<string, string> = {
  bundesweit: 'bundesweit',
  _bundesweit: 'bundesweit',
  baden_wuerttemberg: 'Baden-Württemberg',
  bayern: 'Bayern',
  berlin: 'Berlin',
  brandenburg: 'Brandenburg',
  bremen: 'Bremen',
  hamburg: 'Hamburg',
  hessen: 'Hessen',
  mecklenburg_vorpommern: 'Mecklenburg-Vorpommern',
  niedersachsen: 'Niedersachsen',
  nordrhein_westfalen: 'Nordrhein-Westfalen',
  rheinland_pfalz: 'Rheinland-Pfalz',
  saarland: 'Saarland',
  sachsen: 'Sachsen',
  sachsen_anhalt: 'Sachsen-Anhalt',
  schleswig_holstein: 'Schleswig-Holstein',
  thueringen: 'Thüringen',
};

export const areaLabels: Record<string, string> = {
  arbeit: 'Arbeit',
  existenzgruendung_festigung: 'Existenzgründung & -festigung',
  aus_weiterbildung: 'Aus- & Weiterbildung',
  aussenwirtschaft: 'Außenwirtschaft',
  beratung: 'Beratung',
  energieeffizienz_erneuerbare_energien: 'Energieeffizienz & Erneuerbare Energien',
  forschung_innovation_themenoffen: 'Forschung & Innovation (themenoffen)',
  forschung_innovation_themenspezifisch: 'Forschung & Innovation (themenspezifisch)',
  gesundheit_soziales: 'Gesundheit & Soziales',
  infrastruktur: 'Infrastruktur',
  kultur_medien_sport: 'Kultur, Medien & Sport',
  landwirtschaft_laendliche_entwicklung: 'Landwirtschaft & Ländliche Entwicklung',
  messen_ausstellungen: 'Messen & Ausstellungen',
  regionalfoerderung: 'Regionalförderung',
  staedtebau_stadterneuerung: 'Städtebau & Stadterneuerung',
  umwelt_naturschutz: 'Umwelt- & Naturschutz',
  unternehmensfinanzierung: 'Unternehmensfinanzierung',
  wohnungsbau_modernisierung: 'Wohnungsbau & Modernisierung',
  frauenfoerderung: 'Frauenförderung',
};

export const giverLevels: Record<string, GiverLevel> = { bund: 'Bund', land: 'Land', eu: 'EU' };

/** Label of a slug, or the slug itself plus a note for the import notes. */
export function label(map: Record<string, string>, slug: string, notes: string[], what: string): string {
  const l = map[slug];
  if (l) return l;
  notes.push(`unknown ${what} code "${slug}" kept as given`);
  return slug;
}
