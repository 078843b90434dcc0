/**
 * The browser's message catalogs: Finnish comes with the entry script, Swedish and English each
 * in a chunk of their own, loaded when first needed (most pages never show them).
 *
 * The catalogs themselves are shared/i18n's: the build (vite.config.ts, languageCatalogs) writes
 * each language's merged catalog into the virtual modules imported here, and sends every client
 * import of shared/i18n to this module, whose translate() works the same way over what is loaded.
 */
import fi from 'virtual:pajaseina-catalog/fi';
import type { MessageKey, Messages } from '../shared/i18n';
import { fillMessage } from '../shared/i18n/fill';
import type { Language } from '../shared/schemas';

const loaded: Partial<Record<Language, Messages>> = { fi };
const loaders: Record<Exclude<Language, 'fi'>, () => Promise<{ default: Messages }>> = {
  sv: () => import('virtual:pajaseina-catalog/sv'),
  en: () => import('virtual:pajaseina-catalog/en'),
};

/** Loads `language`'s catalog once; resolves false if it could not be loaded (offline, no cache). */
export async function loadCatalog(language: Language): Promise<boolean> {
  if (language === 'fi' || loaded[language]) return true;
  try {
    loaded[language] = (await loaders[language]()).default;
    return true;
  } catch {
    return false;
  }
}

/** As shared/i18n's translate(); a language not loaded yet falls back to Finnish, as a missing key does. */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  return fillMessage(loaded[language]?.[key] ?? fi[key], params);
}
