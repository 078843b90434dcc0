import { LANGUAGES, type Language } from '../../shared/schemas';
import { language, setLanguage, useT } from '../i18n';

/** UI language; the choice is remembered in this browser. Names are shown in their own language. */
export function LanguageSwitcher() {
  const t = useT();
  return (
    <div class="lang-switcher">
      <label for="ui-language">{t('lang.label')}</label>
      <select
        id="ui-language"
        value={language.value}
        onChange={(e) => setLanguage(e.currentTarget.value as Language)}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`lang.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
