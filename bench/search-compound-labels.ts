// Hand-labelled compound set for search-compound-eval.ts, made from the real Karlsruhe corpus:
// for each query, every corpus word (folded: lower case, umlauts without dots, ß→ss) that occurs in
// at least two documents and contains the query's stem, labelled by meaning. `relevant` words make
// a document relevant; `irrelevant` ones are listed so the labelling is reviewable (Bau-maßnahme is
// not a Baum, Schulden are not a Schule, Wasserstoff is not Wasser).
export interface CompoundLabel {
  query: string;
  relevant: string[];
  irrelevant: string[];
}

const w = (s: string) => s.split(/\s+/).filter(Boolean);

export const compoundLabels: CompoundLabel[] = [
  {
    query: 'Radweg',
    relevant: w(`radweg radwege radwegen radweges radwegs radwegenetz fahrradweg radwegeverbindung fahrradwege
      radwegekonzept fahrradweges radwegverbindung radwegenetzes radwegbrucke radwegeverbindungen schnellradwegs
      radwegnetzes hauptradwegenetz radwegesystems radwegeausbaus radwegprojekts zweirichtungsradweg radwegefuhrung
      radwegfuhrung radwegbrucken`),
    irrelevant: [],
  },
  {
    query: 'Schule',
    relevant:
      w(`schule schulen schuler schul grundschule schuljahr schulerinnen gemeinschaftsschule schulbeirat grundschulen
      schulzentrum hochschule realschule schulern schulbeirats schulischen hochschulen schulverpflegung schulerhort
      hauptschule ganztagsgrundschulen schulgebaude jugendmusikschule schulerhorte waldschule grundschulkinder schulgesetz
      schulkindbetreuung schulische werkrealschule schulerhorten schulsport ganztagsschule schulentwicklung ganztagsgrundschule
      schulweg pestalozzischule albschule schuljahres schulleitung schulkindergarten ganztagsschulen schulkinder
      werkrealschulen schuljahre beschulung grundschulkindern schulamt realschulen gemeinschaftsschulen sudschule schultrager
      marylandschule fachschulen schulerzahlen schulhof gewerbeschule schuleintritt ganztagesschule volkshochschule schulkind
      schulklassen schulerverkehre grundschuler schularten schulleiter schulleitungen weinbrennerschule nordschule
      sudendschule einschulung`),
    irrelevant: w(
      'schulungen schulung geschult schulden entschuldigung geschuldet gebuhrenschuldner verschuldung',
    ),
  },
  {
    query: 'Wohnung',
    relevant:
      w(`wohnungen volkswohnung wohnung wohnungsbau wohnungsmarkt wohnungslosenhilfe wohnungs mietwohnungen wohnungslose
      wohnungslosen eigentumswohnungen wohnungssicherung geschosswohnungsbau sozialwohnungen wohnungsnot wohnungsbaus
      mietwohnungsbau wohnungswirtschaft wohnungslosigkeit wohnungsmarktes geschosswohnungsbauten wohnungsknappheit
      wohnungsmarkts zweitwohnungssteuer wohnungsloser wohnungsbestand wohnungseigentumer wohnungsangebot
      wohnungsbaugesellschaften wohnungssuche zweitwohnungsteuer wohnungssuchenden wohnungspolitik sozialmietwohnungen
      zweitwohnungsteuersatzung wohnungstausch mietwohnung seniorenwohnungen wohnungsunternehmen wohnungsgrossen
      wohnungstypen wohnungsbestandes wohnungseigentumern wohnungspolitische hauptwohnung wohnungsverweis wohnungsgrosse
      wohnungsbedarf wohnungsmangels wohnungslosenunterkunft hospizwohnung wohnungsfonds wohnungsbaugenossenschaften
      wohnungsversorgung eigentumswohnung erdgeschosswohnungen wohnungseigentum neubauwohnungen wohnungsmieten
      bestandswohnungen geschosswohnungsbaus studentenwohnungen wohnungsbesitzer wohnungsangebote wohnungsbauprojekte
      wohnungszahlung sozialwohnung wohnungsneubau wohnungslos wohnungsbaugesellschaft wohnungsbaufonds
      wohnungstauschborse ferienwohnungen wohnungsvergabe sozialwohnungsquote wohnungsinseraten wohnungsbauvorhaben
      einliegerwohnungen wohnungsbaubericht`),
    irrelevant: w('eingewohnungszeit'),
  },
  {
    query: 'Wasser',
    relevant:
      w(`wasser entwasserung abwasser abwasserbeseitigung wasserversorgung niederschlagswasser grundwasser gewasser
      wasserturm hochwasserschutz stadtentwasserung trinkwasser regenwassers gewassern wasserdurchlassig entwassert
      bewasserung hochwasser schmutzwasser wasserrechtliche entwasserungskanale regenwasser niederschlagswassers
      entwasserungsgebuhrensatzung wassergesetz wasserspiele wasserbehorde wasserschutzgebiet entwasserungsanlagen
      grundwasserstand trinkwasserverordnung wassers wasserwirtschaft grundwassers wasserkreislauf wasserversorgungsanlagen
      hochwasserschutzes oberflachenwasser wasserhaushaltsgesetz wasserrechtlichen trinkwasserversorgung oberflachengewasser
      abwasserreinigung wasserruckhaltefunktion abwassergebuhr trinkwasserleitungssystem grundwasserschutz
      gewasserrandstreifen wasserhaushalt wasserwerk wasserwerks trinkwassers entwasserungskanal fliessgewasser wasserflache
      wasserqualitat wasserwirtschaftliche wasserdurchlassige wasserdurchlassigen wasserwerkbrucke gartenbewasserung
      wasserschutz schlagswasser wasserhaushaltsgesetzes wassermenge entwasserungsgebuhren entwasserungssatzung
      hochwasserereignisse trinkwasserbrunnen grundwasserhaltung warmwasser wasserleitungen wassermengen
      grundwassereinleitungen mischwasserkanal trinkwasserschutzgebiete wasserflachen regenwasserversickerung`),
    irrelevant: w('wasserstoff kohlenwasserstoffen'),
  },
  {
    query: 'Baum',
    relevant:
      w(`baume baumen baum baumbestand baumpflanzungen baumschutzsatzung baumschutz baumstandorte baumscheiben
      baumpatenschaften baumarten einzelbaume baumes baumpatenschaft baumbestandes laubbaume baumart baumreihe baumfallungen
      strassenbaume baumgruppen laubbaum laubbaumen baumstandorten obstbaumen baumhohlen baumpflanzung amberbaum baumpflege
      baumscheibe baumbestands baumreihen stadtbaume einzelbaum baumpflanzgrube baumsubstrat einzelbaumen jungbaume
      christbaume bestandsbaum obstbaume baumkontrolle baumstandort baumbewohnende habitatbaumen jungbaumen
      baumneupflanzungen zurgelbaum baumgruppe baumbestanden bestandsbaume strassenbaumen gotterbaum nussbaum
      habitatbaumgruppen nadelbaumen baumbestandene baumkronen nadelbaume`),
    irrelevant:
      w(`baumassnahmen baumassnahme umbaumassnahmen baumeisterstrasse neubaumassnahmen baumass baumaschinen
      baumaterialien tiefbaumassnahmen strassenbaumassnahmen baumann baumeister baumaterial umbaumassnahme baumassenzahl
      baumassnah nussbaumweg kanalbaumassnahmen ausbaumassnahmen umbaumass`),
  },
  {
    query: 'Feuerwehr',
    relevant:
      w(`feuerwehr berufsfeuerwehr feuerwehren gemeindefeuerwehr feuerwehrzufahrten feuerwehrzufahrt feuerwehrfahrzeuge
      feuerwehrkrafte feuerwehrhauser berufsfeuerwehren feuerwehrgesetz feuerwehrleute feuerwehrsatzung feuerwehraufgaben
      jugendfeuerwehr kinderfeuerwehrgruppen feuerwehrhaus feuerwehrkommandanten landesfeuerwehrschule feuerwehrtechnische
      feuerwehrtechnischen weltfeuerwehrmann feuerwehrgeratehaus feuerwehrspielplatz feuerwehrkran feuerwehrkrans
      jugendfeuerwehren landesfeuerwehr betriebsfeuerwehr feuerwehrausbildung feuerwehrgesetzes feuerwehrhausern
      feuerwehrmanner feuerwehrtechnischer stadtfeuerwehrverband werkfeuerwehren feuerwehrgebaude feuerwehrwege
      feuerwehrtechnik`),
    irrelevant: [],
  },
];
