/** Why a date was or was not taken as a deadline; shown to the person who reviews it. */
export type DateRole =
  | 'deadline'
  | 'start'
  | 'validity'
  | 'period'
  | 'reference'
  | 'superseded'
  | 'removed'
  | 'end'
  | 'other';

export interface ExtractedDeadline {
  /** YYYY-MM-DD (the calendar day named in the text). */
  date: string;
  /** 0..1: how sure the extractor is that this is a submission deadline with this date. */
  confidence: number;
  /** HH:MM as written, when the text names a time. */
  time: string | null;
  /** IANA zone or fixed offset the time refers to (MEZ → +01:00, Brussels → Europe/Brussels). */
  timeZone: string | null;
  /** The instant in UTC when a time is known, else null. */
  dueAt: string | null;
  /** A cut-off that repeats every year ("Stichtage: 15. März und 15. September"). */
  recurring: boolean;
  /** Only the month is named ("bis Ende März 2026"): the day is the last (or middle) of it. */
  approximate: boolean;
  /** The words the date was read from. */
  evidence: string;
  /** Short German reasons a person can check. */
  reasons: string[];
}

export interface OtherDate {
  date: string;
  role: DateRole;
  evidence: string;
}

export interface DeadlineExtraction {
  deadlines: ExtractedDeadline[];
  /** Applications are accepted continuously ("laufend", "jederzeit", "keine Frist"). */
  rolling: boolean;
  /** The text says the call is over ("nicht mehr möglich", "beendet", "ausgelaufen"). */
  closed: boolean;
  /** Dates seen but not read as deadlines, with the role they were given. */
  otherDates: OtherDate[];
  /** The sentence `rolling` was read from (null when not rolling). */
  rollingEvidence: string | null;
  /** The sentence `closed` was read from (null when not closed). */
  closedEvidence: string | null;
}

export interface ExtractOptions {
  /** Reference day for year-less and recurring dates (YYYY-MM-DD); defaults to today (UTC). */
  today?: string;
  /** How many future occurrences of a recurring cut-off to list (default 2 per named day). */
  occurrences?: number;
}
