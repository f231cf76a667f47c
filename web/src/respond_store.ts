// What a respondent's phone keeps of one questionnaire, in localStorage, so that no
// answer is lost to a bad connection or a reload: the form as the server gave it,
// every answer the moment it is chosen, what the server already has, and whether a
// submit is waiting to be sent. Kept per access code; after the answers are received
// only that fact is kept.

export interface RespondForm {
  cycle: { label: string; unit_name: string };
  group: string;
  group_label: Record<string, string> | null;
  instrument: { id: string; version: number; title: Record<string, string> };
  questions: { id: string; text: Record<string, string>; dimension: Record<string, string>; indicator: Record<string, string> }[];
  scale: { name: string; label: Record<string, string> }[];
  draft: Record<string, string>;
}

export interface RespondRecord {
  version: 1;
  form: RespondForm | null;
  answers: Record<string, string>;
  sent: Record<string, string>;  // answers the server has as the draft
  submitting: boolean;            // the respondent pressed send; not yet confirmed
  outcome: 'received' | 'closed' | null;
  mode: 'one' | 'all';
  position: number;
}

const PREFIX = 'tenlik-respond:';

// The code as typed ("abcde-fghjk") in the form the server normalises to.
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function loadRecord(code: string): RespondRecord {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFIX + code) ?? 'null');
    if (stored && stored.version === 1) return stored as RespondRecord;
  } catch {
    // A damaged record is replaced by a fresh one below.
  }
  return { version: 1, form: null, answers: {}, sent: {}, submitting: false, outcome: null, mode: 'one', position: 0 };
}

export function saveRecord(code: string, record: RespondRecord): void {
  // Once received, the answers leave the phone: only the outcome stays.
  const kept = record.outcome ? { ...record, form: null, answers: {}, sent: {} } : record;
  localStorage.setItem(PREFIX + code, JSON.stringify(kept));
}

// Answers chosen on the phone that the server does not have yet.
export function unsent(record: RespondRecord): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const [question, answer] of Object.entries(record.answers)) {
    if (record.sent[question] !== answer) changed[question] = answer;
  }
  return changed;
}
