/**
 * Dates, times, numbers and lists in the chosen UI language, through Intl. Every place that shows
 * a date or a number to a user formats it here, so that switching the language switches the
 * formats too (fi-FI "5.12.2026 klo 9.05", sv-FI "5 dec. 2026 9.05", en-GB "5 Dec 2026, 09:05").
 *
 * Pure functions of the language, without the i18n signal, so that they can be unit tested in
 * Node and used outside components; inside a component pass `useT().language`.
 */
import type { Language } from '../shared/schemas';

/** The Intl locale of each UI language: Swedish as written in Finland, English as in Britain. */
export const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export type DateInput = Date | number | string;

// Building an Intl formatter is slow next to using one; a wall re-renders often.
const cache = new Map<string, { format(value: never): string }>();

function cached<F extends { format(value: never): string }>(key: string, make: () => F): F {
  let formatter = cache.get(key) as F | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

function toDate(value: DateInput): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`dt:${language}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(LOCALES[language], options));
}

/** "5. joulukuuta 2026" (long) or "5.12.2026" (short); '' for an invalid date. */
export function formatDate(value: DateInput, language: Language, style: 'long' | 'short' = 'long'): string {
  const date = toDate(value);
  if (!date) return '';
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'numeric', year: 'numeric' };
  return dateTimeFormat(language, options).format(date);
}

/** "9.05" (fi), "09:05" (sv, en): hours and minutes; '' for an invalid date. */
export function formatTime(value: DateInput, language: Language): string {
  const date = toDate(value);
  return date ? dateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(date) : '';
}

/** A date with its time, medium date style: "5.12.2026 klo 9.05"; '' for an invalid date. */
export function formatDateTime(value: DateInput, language: Language): string {
  const date = toDate(value);
  return date ? dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date) : '';
}

/** "12 345,5" (fi, sv), "12,345.5" (en). */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 1): string {
  return cached(`n:${language}:${maximumFractionDigits}`, () => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits })).format(
    value,
  );
}

/** A share (0.425) as a whole percent: "43 %" (fi, sv), "43%" (en). */
export function formatPercent(share: number, language: Language): string {
  return cached(`p:${language}`, () => new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 })).format(
    share,
  );
}

/**
 * Whole, separately translated phrases joined as a list: "a, b ja c", "a, b och c", "a, b and c".
 * The phrases must each be complete messages; this only supplies the language's list joining.
 */
export function formatList(items: readonly string[], language: Language): string {
  return cached(`l:${language}`, () => new Intl.ListFormat(LOCALES[language], { type: 'conjunction', style: 'long' })).format(items);
}
