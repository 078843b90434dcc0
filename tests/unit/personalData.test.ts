import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  hasPersonalData,
  isValidIdentityCode,
  personalDataKinds,
  redactPersonalData,
} from '../../shared/personalData';

const kinds = (text: string) => personalDataKinds(text);
const found = (text: string) => findPersonalData(text).map((m) => text.slice(m.start, m.end));

describe('henkilötunnus', () => {
  it('accepts valid codes with every century sign', () => {
    expect(isValidIdentityCode('131052-308T')).toBe(true); // DVV's own example
    expect(isValidIdentityCode('131052Y308T')).toBe(true);
    expect(isValidIdentityCode('131052X308T')).toBe(true);
    expect(isValidIdentityCode('131052W308T')).toBe(true);
    expect(isValidIdentityCode('131052V308T')).toBe(true);
    expect(isValidIdentityCode('131052U308T')).toBe(true);
    expect(isValidIdentityCode('020304A123P')).toBe(true);
    expect(isValidIdentityCode('020304F123P')).toBe(true);
    expect(isValidIdentityCode('150485+234C')).toBe(true);
    expect(isValidIdentityCode('131052-308t')).toBe(true);
  });

  it('refuses a wrong check character, an impossible date or an unused sign', () => {
    expect(isValidIdentityCode('131052-308U')).toBe(false);
    expect(isValidIdentityCode('320152-308T')).toBe(false);
    expect(isValidIdentityCode('131352-308T')).toBe(false);
    expect(isValidIdentityCode('131052G308T')).toBe(false);
    expect(isValidIdentityCode('131052Z308T')).toBe(false);
    expect(isValidIdentityCode('131052-000T')).toBe(false);
  });

  it('knows leap years: 29 Feb 2000 exists, 29 Feb 1900 does not', () => {
    expect(isValidIdentityCode('290200A4561')).toBe(true);
    expect(isValidIdentityCode('290200-4561')).toBe(false);
  });

  it('finds a code inside a sentence, and not one glued to other characters', () => {
    expect(found('Asiakkaan hetu on 131052-308T, soitin hänelle.')).toEqual(['131052-308T']);
    expect(kinds('hetu 131052-308T')).toEqual(['identityCode']);
    expect(hasPersonalData('X131052-308T')).toBe(false);
    expect(hasPersonalData('131052-308TX')).toBe(false);
  });
});

describe('phone numbers', () => {
  it.each([
    '040 123 4567',
    '040-1234567',
    '0401234567',
    '+358 40 123 4567',
    '+358401234567',
    '+358 (0)40 123 4567',
    '09 123 4567',
    '(09) 123 4567',
    '050 1234 567',
    '00358 40 123 4567',
    '+46 70 123 45 67',
  ])('finds %s', (number) => {
    expect(found(`Soita numeroon ${number}, kiitos.`)).toEqual([number]);
    expect(kinds(number)).toEqual(['phone']);
  });

  it.each([
    'Lähete palveluun nousi 12 % → 48 %.',
    'Läpimenoaika lyheni 11 → 4 kuukautta.',
    'Läpimenoaika lyheni 11 kuukaudesta 4 kuukauteen.',
    'Sujuvat palvelut 2023–2025, kaikki 21 hyvinvointialuetta.',
    'Työpaja 14.03.2024 klo 09:00–12:00.',
    'Työpaja 01.02.2024 ja 3.4.2024.',
    'Tavoite: 0,5 % virheitä, lähtötaso 2,75 %.',
    'Odotusaika 0–10 päivää, mittaus 1/2024–6/2024.',
    'Postiosoite 00100 Helsinki.',
    'Kokeilussa 8–20 osallistujaa ja 4 työpajaa × 3 h.',
    'Lähtötaso 120 asiakasta, tavoite 150 asiakasta, tulos 148.',
    'Hinta +12 % edellisvuodesta.',
    'Vuosina 2019 2020 2021 2022 kävijöitä oli paljon.',
    'Asteikko 0 1 2 3 4 5.',
    'Kello 10:05 – 11:30.',
  ])('does not flag: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it('finds addresses, including Finnish letters', () => {
    expect(found('Lähetä osoitteeseen matti.meikalainen@example.fi tai äiti@esimerkki.fi')).toEqual([
      'matti.meikalainen@example.fi',
      'äiti@esimerkki.fi',
    ]);
    expect(kinds('a.b+c@hyvinvointialue.fi')).toEqual(['email']);
  });

  it('does not flag a bare @mention or a domain', () => {
    expect(hasPersonalData('Kysy @ohjaaja tai katso thl.fi')).toBe(false);
  });

  it('does not also report the digits of an address as a phone number', () => {
    expect(kinds('0401234567@sms.example.fi')).toEqual(['email']);
  });
});

describe('several kinds and redaction', () => {
  const text = 'Maija (131052-308T) p. 040 123 4567, maija@example.fi: odotti 11 → 4 kk.';

  it('lists each kind once, in a fixed order', () => {
    expect(kinds(text)).toEqual(['identityCode', 'phone', 'email']);
  });

  it('replaces every found span and keeps the rest', () => {
    expect(redactPersonalData(text)).toBe('Maija ([poistettu]) p. [poistettu], [poistettu]: odotti 11 → 4 kk.');
    expect(redactPersonalData(text, '[removed]')).toContain('p. [removed],');
    expect(hasPersonalData(redactPersonalData(text))).toBe(false);
  });

  it('leaves clean text as it is', () => {
    expect(redactPersonalData('Ei henkilötietoja, 12 % → 48 %.')).toBe('Ei henkilötietoja, 12 % → 48 %.');
  });
});
