/**
 * Word lists that decide what a date means. German first, with the few English phrases used by
 * the EU Funding & Tenders portal and the NRW call pages. Kept apart from the logic so a reviewer
 * can extend them without touching the rules.
 */

/** Nouns naming a submission deadline ("Antragsfrist", "Bewerbungsschluss", "Stichtag", "deadline"). */
export const deadlineNoun =
  /(?:antrags|einreichungs|bewerbungs|abgabe|anmelde|einsende|teilnahme|skizzen|vorlage|melde|antragstellungs)(?:frist|schluss|termin|stichtag|ende)|(?<![a-zäöüß])(?:frist(?:ende|ablauf)?|stichtage?|einsendeschluss|abgabeschluss|letztmöglich\w*|deadlines?|cut[- ]?offs?(?: date)?|due|closes|closed)(?![a-zäöüß])/i;

/** A noun negated right before it: "keine Deadline", "kein Stichtag", "no deadline" name no date. */
export const negatedBefore =
  /(?:\bkeine?n?|\bohne|\bno|\bwithout)\s+(?:feste[nr]?\s+|festgelegte[nr]?\s+)?$/i;

/** Something closes on the date: "Das Bewerbungsportal schließt am", "the call closes on". */
export const closesBefore =
  /(?:portal|frist|einreichung|bewerbung|antragstellung|anmeldung|aufruf|call|wettbewerb|ausschreibung|submission|application|registration)\w*\s+(?:schließt|schliesst|endet|closes|ends|will close)(?:\s+(?:bereits|schon|voraussichtlich|spätestens))?\s+(?:am|zum|mit dem|on)?\s*(?:\w+,\s*)?$/i;

/** A submission window: its last day is the deadline ("Einreichungszeitraum: 01.09.-02.11.2021"). */
export const submissionWindow =
  /(?:einreichungs|antrags|bewerbungs|anmelde|antragstellungs|skizzen)(?:zeitraum|phase|fenster|laufzeit)|(?:submission|application) (?:period|window)/i;

/** Events on a date that are not deadlines: consultation hours, information events, juries. */
export const eventBefore =
  /(?:sprechstunde|informationsveranstaltung|infoveranstaltung|webinar|workshop|veranstaltung|infotag|beratungstag|preisverleihung|jurysitzung|auftaktveranstaltung|kick-?off|info session|information session)\w*\s*(?:am|vom|on)?\s*$/i;
export const eventAfter =
  /^[\s,:–-]*(?:\(?online\)?[\s-]*)?(?:sprechstunde|online-sprechstunde|informationsveranstaltung|infoveranstaltung|webinar|workshop|veranstaltung|infotag|beratungstag|preisverleihung|jurysitzung|info session|information session)/i;

/** Fristen that are not submission deadlines: tender validity, payment, notice, legal periods. */
export const otherFrist =
  /(?:zuschlags|binde|zahlungs|kündigungs|widerspruchs|einspruchs|auslegungs|monats|wochen|aufbewahrungs|verjährungs|gewährleistungs|ausschluss)frist|(?:bilanz|abschluss|inventur|eröffnungsbilanz|ausscheidungs)stichtag|frist zur ausübung|zum stichtag|stichtag der|stichtagsinventur/i;

/** Something is being handed in: an application, outline, bid, registration. */
export const submission =
  /antr[aä]g|beantrag|einreich|eingereicht|einzureichen|vorzulegen|vorgelegt|bewerb|skizze|anmeld|einsend|interessenbekundung|teilnahme|submi|appl(?:y|ication)|proposal|outline|per (?:e-?)?mail|per post|zusenden|zuzusenden|übersenden|\bsenden\b|schicken|\bmelden\b|meldet sich|melden sich|register/i;

/** A call or round is meant ("round 1 open from … to …", "Aufruf", "Wettbewerb"). */
export const callContext =
  /\b(?:open|offen|round|runde|call|aufruf|wettbewerb|einreichungsphase|antragsphase)\b/i;

/** The date ends an open-ended phrase: "bis zum", "spätestens", "until", "by". */
export const untilBefore =
  /(?:\bbis(?:\s+(?:zum|zur|spätestens|einschließlich|längstens))?|\bspätestens(?:\s+(?:zum|am|bis))?|\buntil|\bby|\bbefore|\bno later than)\s+(?:(?:zum|am|den|dem|the|on)\s+)?(?:\w+,\s*)?$/i;

/** Validity of a rule: when it comes into or goes out of force. */
export const validity =
  /in[\s-]*kraft|inkrafttreten|außer kraft|gilt ab|gelten ab|gültig ab|gültig bis|gilt bis|gelten bis|mit wirkung (?:vom|zum|ab)|wirksam (?:ab|zum)|bis dahin gültig|maßgebend/i;

/** Periods that are not deadlines: project runtime, funding period, execution, contract terms. */
export const period =
  /(?<!antrags)laufzeit|befristet|förderzeitraum|förderperiode|durchführungszeitraum|ausführungszeitraum|bewilligungszeitraum|projektzeitraum|(?<!einreichungs|antrags|bewerbungs|anmelde|antragstellungs|skizzen)zeitraum|vertragsdauer|zuschlagsfrist|bindefrist|erbbau|förderdauer/i;

/** The date is a starting point: "ab dem", "seit", "frühestens", "from", "freigeschaltet". */
export const startBefore =
  /(?:\bab|\bseit|\bfrühestens|\bbeginnt|\bbeginn|\bvom|\bvon|\bfrom|\bopens?|\bopening|\bstartet|\bstarting)\s+(?:(?:dem|den|der|am|zum|the|on)\s+)?(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s*)?$/i;
export const startAfter = /^\s*(?:freigeschaltet|beginnt|startet|eröffnet|an\b|opens)/i;

/** A date that stamps a document or a meeting rather than a deadline. */
export const referenceBefore =
  /(?:\bstand:?|\bas of|\bdatiert|\bsitzung(?:\s+\w+)?\s+(?:am|vom)|\bschreiben vom|\bbeschluss vom|\bvereinbarung vom|\bfassung vom|\bveröffentlicht am|\bausgefertigt:?[^.]{0,30}den|\bvom)\s*$/i;

/** Superseded ("postponed from X to Y": X no longer counts) and removed dates. */
export const postponement = /postpone|verschoben|verschiebung|verlängert|verlängerung|extended|extension/i;
export const removedAfter =
  /^\W*(?:has been removed|was removed|wurde gestrichen|wurden gestrichen|entfällt|entfallen|aufgehoben)/i;

/** Recurring yearly cut-offs. */
export const recurring =
  /stichtage\b|antragsfristen|jeweils|jährlich|jedes jahres|jeden jahres|jeweiligen jahres|des vorjahres|alljährlich|each year|every year|annually|turnus/i;
/** Words that make a cut-off recur whatever year a neighbouring date names. */
export const explicitlyRecurring =
  /jeweils|jährlich|alljährlich|jedes jahr|jeden jahres|jeweiligen jahres|each year|every year|annually|turnus/i;

/** Applications are accepted at any time. */
export const rollingCue =
  /(?<![a-zäöüß])(?:laufend|jederzeit|fortlaufend|kontinuierlich|ganzjährig|rolling|at any time|continuously)(?![a-zäöüß])/i;
export const rollingVerb =
  /gestellt|stellen|eingereicht|einreichen|einzureichen|beantragt|beantragen|bewerben|möglich|entgegengenommen|angenommen|erfolgen|erfolgt|eingehen|submitted|submit|accepted|apply|open|statt/i;
/** Past or superseded practice: "Bisher konnte … jederzeit", "applications could be submitted at any time". */
export const pastTense =
  /\b(?:bisher|bislang|früher|ehemals|konnte|konnten|war|waren|wurde|wurden|hatte|hatten|could|was|were|previously|formerly|until now)\b/i;
export const rollingPhrase =
  /(?:antragstellung|anträge|bewerbungen|einreichung)\w* (?:ist|sind) bis auf weiteres möglich|laufende (?:antragstellung|antragsannahme)|(?:open|accepted|submitted) on a rolling basis|keine (?:antrags|einreichungs|bewerbungs)?frist|keine (?:feste )?deadline|no (?:fixed )?deadline|ohne (?:feste )?(?:antrags)?frist|kein(?:en)? stichtag|stichtag entfällt|first come,? first served|windhund|(?:vor|before) (?:beginn|aufnahme|abschluss|start|arbeitsaufnahme)\b[^.]{0,100}(?:beantrag|antrag|stellen)|(?:antrag|beantrag)[^.]{0,100}(?:vor|before) (?:beginn|aufnahme|abschluss|start|arbeitsaufnahme)\b/i;

/** The call is over. */
export const closedCue =
  /nicht mehr möglich|(?<![a-zäöüß])(?:beendet|ausgelaufen|abgelaufen|endete|geschlossen|eingestellt|has closed|is closed|closed on|closed)(?![a-zäöüß])|keine (?:neuen )?anträge mehr/i;
export const closedContext =
  /antr[aä]g|antragstellung|einreich|bewerbung|aufruf|call|programm|förder|wettbewerb|frist|cut[- ]?off|submission|proposal/i;
/** Something opens again after a closure ("Next deadline is …", "new submission session"). */
export const reopenCue =
  /next deadline|new submission session|nächste(?:r|n)? (?:frist|stichtag|runde)|neue(?:r|n)? (?:aufruf|runde)/i;
