import { Language, LANGUAGES } from '../../shared/schemas';
import { language, setLanguage, useT } from '../i18n';

/** The three languages as <option>s, each name shown in its own language. */
export function LanguageOptions() {
  const t = useT();
  return (
    <>
      {LANGUAGES.map((lang) => (
        <option key={lang} value={lang} lang={lang}>
          {t(`lang.${lang}`)}
        </option>
      ))}
    </>
  );
}

/** Calls `onPick` with the chosen language; a value that is not one of ours is ignored. */
export const onLanguagePicked = (onPick: (lang: Language) => void) => (e: Event) => {
  const picked = Language.safeParse((e.currentTarget as HTMLSelectElement).value);
  if (picked.success) onPick(picked.data);
};

/** UI language; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const t = useT();
  return (
    <div class="lang-switcher">
      <label for="ui-language">{t('lang.label')}</label>
      <select id="ui-language" value={language.value} onChange={onLanguagePicked(setLanguage)}>
        <LanguageOptions />
      </select>
    </div>
  );
}
