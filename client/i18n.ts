/**
 * The UI language and the `t()` hook. The language is a signal: a component that calls useT()
 * reads it during render and so re-renders when it changes. It changes only once the new
 * language's catalog is loaded (languageCatalogs.ts), so no page shows a mix of two languages.
 */
import { effect, signal } from '@preact/signals';
import type { MessageKey } from '../shared/i18n';
import { Language } from '../shared/schemas';
import { loadCatalog, translate } from './languageCatalogs';
import { readLocal, writeLocal } from './storage';

const LANGUAGE_KEY = 'pajaseina:language';

type Params = Record<string, string | number>;
/** Bases of plural pairs: every `x.one` key has an `x.other` twin. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

export interface Translator {
  (key: MessageKey, params?: Params): string;
  /** `{n}` is filled in; picks `base.one` for exactly one, otherwise `base.other`. */
  plural(base: PluralBase, n: number, params?: Params): string;
  language: Language;
}

function stored(): Language | null {
  const parsed = Language.safeParse(readLocal(LANGUAGE_KEY));
  return parsed.success ? parsed.data : null;
}

/** Whether the user picked a language themselves (otherwise a wall's language may set it). */
export const languageChosen = signal(stored() !== null);
export const language = signal<Language>('fi');

/** The language the page should show; it shows once its catalog is in. The last request wins. */
let wanted: Language = 'fi';
async function show(lang: Language): Promise<void> {
  wanted = lang;
  if (!(await loadCatalog(lang))) return; // offline without it: stay in the language shown
  if (wanted === lang) language.value = lang;
}

/** Resolves when the stored language is ready to show (at once for Finnish): main.tsx renders then. */
export const languageReady: Promise<void> = show(stored() ?? 'fi');

effect(() => {
  document.documentElement.lang = language.value;
});

export function setLanguage(lang: Language): void {
  languageChosen.value = true;
  writeLocal(LANGUAGE_KEY, lang);
  void show(lang);
}

/** Follows a wall's language unless the user has chosen one. */
export function suggestLanguage(lang: Language): void {
  if (!languageChosen.value) void show(lang);
}

export function translator(lang: Language): Translator {
  const t = ((key: MessageKey, params?: Params) => translate(lang, key, params)) as Translator;
  t.plural = (base, n, params) =>
    translate(lang, `${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n, ...params });
  t.language = lang;
  return t;
}

const cache = new Map<Language, Translator>();

export function useT(): Translator {
  const lang = language.value;
  let t = cache.get(lang);
  if (!t) cache.set(lang, (t = translator(lang)));
  return t;
}
