/**
 * Finds personal data that does not belong on a workshop wall: Finnish personal identity codes
 * (henkilötunnus), phone numbers and e-mail addresses. Pure functions, used by the client before
 * a note is posted and by the facilitator's "remove personal data" action.
 *
 * The patterns err on the side of silence for the numbers workshops are full of (years, "12 %
 * → 48 %", "11 → 4 months", dates, postal codes): a phone number must start with 0, 00 or +, and
 * an identity code must have a real date and a correct check character.
 */

export type PersonalDataKind = 'identityCode' | 'phone' | 'email';
export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = ['identityCode', 'phone', 'email'];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** [start, end) in the text, in UTF-16 code units. */
  start: number;
  end: number;
}

/** Redacted spans are replaced with this unless the caller passes its own (translated) word. */
export const REDACTED = '[poistettu]';

// ---------------------------------------------------------------- henkilötunnus

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/** Century signs since 2023: '+' 1800s; '-' and U–Y 1900s; A–F 2000s. */
const CENTURY: Record<string, number> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

const IDENTITY_CODE = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\p{L}\p{N}])/giu;

/** True when `code` (e.g. "131052-308T") is a valid henkilötunnus: real date, correct check character. */
export function isValidIdentityCode(code: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(code.toUpperCase());
  if (!m) return false;
  const [, dd, mm, yy, sign, nnn, check] = m as unknown as [string, string, string, string, string, string, string];
  const century = CENTURY[sign];
  if (century === undefined) return false;
  const day = Number(dd);
  const month = Number(mm);
  const year = century + Number(yy);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC: no time zone surprises).
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (Number(nnn) < 2) return false; // 000 and 001 are never issued
  return CHECK_CHARS[Number(dd + mm + yy + nnn) % 31] === check;
}

function identityCodes(text: string): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const m of text.matchAll(IDENTITY_CODE)) {
    if (isValidIdentityCode(m[0])) out.push({ kind: 'identityCode', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// ---------------------------------------------------------------- phone numbers

/**
 * A candidate: "+", "00" or "0" and a non-zero digit ("(09)" too), then digit groups with single
 * spaces or hyphens between them ("+358 (0)40" too). Dots, slashes, commas, colons and "%" end
 * it, which keeps dates, times, decimals and percentages out. Not glued to a letter or digit.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}+])(?:\+[1-9]\d*|\(0[1-9]\d{0,3}\)|0[1-9]\d*|00[1-9]\d*)(?:(?:[ \u00a0]?\(0\)[ \u00a0]?|[ \u00a0-])\d+)*/gu;

function phoneNumbers(text: string): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const raw = m[0];
    const end = m.index + raw.length;
    const after = text.slice(end, end + 2);
    // "040 123 4567 %" or "0,5" or a number glued to a word: not a phone number.
    if (/^(?:[\p{L}\p{N}%]|[.,:/]\d| ?%)/u.test(after)) continue;
    const digits = raw.replace(/\D/g, '');
    let ok: boolean;
    if (raw.startsWith('+')) ok = digits.length >= 8 && digits.length <= 15 && digits[0] !== '0';
    else if (digits.startsWith('00')) ok = digits.length >= 10 && digits.length <= 17 && digits[2] !== '0';
    else ok = digits.length >= 7 && digits.length <= 12 && digits[1] !== '0';
    // A Finnish number is 0 + area or network code + subscriber number; one long run of
    // digits without any separator ("0123456789") is as likely a case or reference number,
    // but it is still flagged: the writer can post anyway.
    if (ok) out.push({ kind: 'phone', start: m.index, end });
  }
  return out;
}

// ---------------------------------------------------------------- e-mail

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function emails(text: string): PersonalDataMatch[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email' as const, start: m.index, end: m.index + m[0].length }));
}

// ---------------------------------------------------------------- together

/** Every match, in text order; overlapping matches are all kept (redaction merges them). */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const codes = identityCodes(text);
  const mails = emails(text);
  // A phone-like run inside an e-mail address or an identity code is not a second finding.
  const inside = (m: PersonalDataMatch) => [...codes, ...mails].some((o) => m.start < o.end && o.start < m.end);
  const phones = phoneNumbers(text).filter((m) => !inside(m));
  return [...codes, ...phones, ...mails].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The kinds found, each once, in a fixed order (for the warning text). */
export function personalDataKinds(text: string): PersonalDataKind[] {
  const found = new Set(findPersonalData(text).map((m) => m.kind));
  return PERSONAL_DATA_KINDS.filter((k) => found.has(k));
}

export function hasPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}

/** Replaces every detected span with `replacement`; overlapping spans become one replacement. */
export function redactPersonalData(text: string, replacement = REDACTED): string {
  const spans: { start: number; end: number }[] = [];
  for (const m of findPersonalData(text)) {
    const last = spans[spans.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else spans.push({ start: m.start, end: m.end });
  }
  let out = text;
  for (const s of spans.reverse()) out = out.slice(0, s.start) + replacement + out.slice(s.end);
  return out;
}
