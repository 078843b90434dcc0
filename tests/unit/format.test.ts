import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatList, formatNumber, formatPercent, formatTime, LOCALES } from '../../client/format';

// Local time, as the browser shows it; Intl may use a narrow no-break space, so compare loosely.
const day = new Date(2026, 11, 5, 9, 5);
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('locale formatting', () => {
  it('maps each UI language to its Finnish-market locale', () => {
    expect(LOCALES).toEqual({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' });
  });

  it('writes dates in the reader language', () => {
    expect(formatDate(day, 'fi')).toBe('5. joulukuuta 2026');
    expect(formatDate(day, 'sv')).toBe('5 december 2026');
    expect(formatDate(day, 'en')).toBe('5 December 2026');
    expect(formatDate(day, 'fi', 'short')).toBe('5.12.2026');
    expect(formatDate(day, 'en', 'short')).toBe('05/12/2026');
  });

  it('takes a Date, a millisecond time or an ISO string, and gives "" for an invalid one', () => {
    expect(formatDate(day.getTime(), 'fi')).toBe('5. joulukuuta 2026');
    expect(formatDate(day.toISOString(), 'fi')).toBe('5. joulukuuta 2026');
    expect(formatDate('not a date', 'fi')).toBe('');
    expect(formatTime(Number.NaN, 'sv')).toBe('');
    expect(formatDateTime('', 'en')).toBe('');
  });

  it('writes times with each language own separator (Swedish in Finland uses a dot too)', () => {
    expect(formatTime(day, 'fi')).toBe('09.05');
    expect(formatTime(day, 'sv')).toBe('09.05');
    expect(formatTime(day, 'en')).toBe('09:05');
  });

  it('writes a date with its time', () => {
    expect(plain(formatDateTime(day, 'fi'))).toMatch(/^5\.12\.2026 (klo )?9\.05$/);
    expect(plain(formatDateTime(day, 'en'))).toBe('5 Dec 2026, 09:05');
  });

  it('groups thousands and writes decimals the local way', () => {
    expect(plain(formatNumber(12345.5, 'fi'))).toBe('12 345,5');
    expect(plain(formatNumber(12345.5, 'sv'))).toBe('12 345,5');
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(2.25, 'en', 0)).toBe('2');
  });

  it('writes shares as whole percents', () => {
    expect(plain(formatPercent(0.425, 'fi'))).toBe('43 %');
    expect(plain(formatPercent(0.425, 'sv'))).toBe('43 %');
    expect(formatPercent(0.425, 'en')).toBe('43%');
  });

  it('joins whole phrases as a list', () => {
    expect(formatList(['a', 'b', 'c'], 'fi')).toBe('a, b ja c');
    expect(formatList(['a', 'b'], 'sv')).toBe('a och b');
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(formatList(['a'], 'en')).toBe('a');
  });
});
