/** `/`: create a wall, get its three links, and see the walls this browser knows. */
import { useEffect, useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { ORGANISER_KEY_REQUIRED, type CreateWallResponse, type Language, type Template } from '../../shared/schemas';
import { ApiFailure, createWall } from '../api';
import { AppHeader } from '../components/AppHeader';
import { CopyLink } from '../components/CopyLink';
import { DELETED_FLASH_KEY } from '../components/DeleteWallSection';
import { KnownWallsList } from '../components/KnownWallsList';
import { LanguageOptions, onLanguagePicked } from '../components/LanguageSwitcher';
import { language, useT } from '../i18n';
import { getOrganiserKey, rememberWall, setOrganiserKey } from '../storage';

/** Reads (and clears) the "wall deleted" note the share dialog leaves before coming here. */
function takeDeletedFlash(): boolean {
  try {
    const set = sessionStorage.getItem(DELETED_FLASH_KEY) !== null;
    sessionStorage.removeItem(DELETED_FLASH_KEY);
    return set;
  } catch {
    return false;
  }
}

interface Created {
  title: string;
  response: CreateWallResponse;
}

export function HomeView() {
  const t = useT();
  const [title, setTitle] = useState('');
  const [wallLanguage, setWallLanguage] = useState<Language>(language.value);
  const [template, setTemplate] = useState<Template>('four-workshops');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [deleted] = useState(takeDeletedFlash);
  // The server asks for an organiser key only when it has one configured.
  const [organiserKey, setKey] = useState(() => getOrganiserKey() ?? '');
  const [needsKey, setNeedsKey] = useState(() => getOrganiserKey() !== null);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  // A new wall defaults to the UI language until the user picks another one for it.
  useEffect(() => setWallLanguage(language.value), [language.value]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const trimmed = title.trim();
    const invalid = !trimmed
      ? t('home.error.titleRequired')
      : trimmed.length > LIMITS.titleMax
        ? t('home.error.titleTooLong', { max: LIMITS.titleMax })
        : null;
    if (invalid) {
      setError(invalid);
      document.getElementById('wall-title')?.focus();
      return;
    }
    if (needsKey && !organiserKey.trim()) {
      setError(t('home.error.keyRequired'));
      document.getElementById('organiser-key')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await createWall({ title: trimmed, template, language: wallLanguage }, needsKey ? organiserKey.trim() : null);
      if (needsKey) setOrganiserKey(organiserKey.trim());
      rememberWall({
        id: response.id,
        title: trimmed,
        role: 'facilitator',
        link: response.links.facilitator,
        links: response.links,
        language: wallLanguage,
      });
      setCreated({ title: trimmed, response });
      setTitle('');
      // Focus the result heading so keyboard and screen reader users land on the links.
      requestAnimationFrame(() => document.getElementById('created-heading')?.focus());
    } catch (err) {
      const kind = err instanceof ApiFailure ? err.kind : 'server';
      if (kind === 'unauthorized') {
        // First time: the server says a key is needed. With a key already sent: it was wrong.
        const wrong = needsKey && !!organiserKey.trim();
        if (!(err instanceof ApiFailure) || err.code === ORGANISER_KEY_REQUIRED || err.status === 401) setNeedsKey(true);
        setOrganiserKey(null);
        setError(wrong ? t('home.error.keyWrong') : t('home.error.keyRequired'));
        requestAnimationFrame(() => document.getElementById('organiser-key')?.focus());
        return;
      }
      setError(
        kind === 'network'
          ? t('home.error.network')
          : kind === 'invalid'
            ? t('home.error.invalid')
            : kind === 'rateLimited'
              ? t('home.error.rateLimited')
              : t('home.error.server'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} class="home">
        <h1>{t('home.heading')}</h1>
        <p class="lead">{t('home.intro')}</p>
        {deleted && (
          <p class="notice" role="status">
            {t('home.wallDeleted')}
          </p>
        )}

        {created && (
          <section class="card created" aria-labelledby="created-heading">
            <h2 id="created-heading" tabIndex={-1}>
              {t('home.created.heading', { title: created.title })}
            </h2>
            <p>{t('home.created.intro')}</p>
            <CopyLink role="facilitator" url={created.response.links.facilitator} />
            <CopyLink role="participant" url={created.response.links.participant} />
            <CopyLink role="viewer" url={created.response.links.viewer} />
            <p>
              <a class="button button--primary button--large" href={created.response.links.facilitator}>
                {t('home.openAsFacilitator')}
              </a>
            </p>
          </section>
        )}

        <section class="card" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('home.createHeading')}</h2>
          <p>{t('home.createIntro')}</p>
          <form onSubmit={submit} noValidate>
            <div class="field">
              <label for="wall-title">{t('home.titleLabel')}</label>
              <p id="wall-title-hint" class="hint">
                {t('home.titleHint')}
              </p>
              <input
                id="wall-title"
                type="text"
                value={title}
                maxLength={LIMITS.titleMax}
                autoComplete="off"
                aria-describedby={error ? 'wall-title-hint create-error' : 'wall-title-hint'}
                aria-invalid={error ? true : undefined}
                onInput={(e) => setTitle(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="wall-language">{t('home.languageLabel')}</label>
              <select id="wall-language" value={wallLanguage} onChange={onLanguagePicked(setWallLanguage)}>
                <LanguageOptions />
              </select>
            </div>
            {needsKey && (
              <div class="field">
                <label for="organiser-key">{t('home.keyLabel')}</label>
                <p id="organiser-key-hint" class="hint">
                  {t('home.keyHint')}
                </p>
                <input
                  id="organiser-key"
                  type="password"
                  value={organiserKey}
                  autoComplete="off"
                  aria-describedby={error ? 'organiser-key-hint create-error' : 'organiser-key-hint'}
                  onInput={(e) => setKey(e.currentTarget.value)}
                />
              </div>
            )}
            <fieldset class="field choice-list">
              <legend>{t('home.templateLegend')}</legend>
              {(
                [
                  ['four-workshops', 'home.template.fourWorkshops', 'home.template.fourWorkshopsHint'],
                  ['blank', 'home.template.blank', 'home.template.blankHint'],
                ] as const
              ).map(([value, label, hint]) => (
                <label key={value} class="choice">
                  <input
                    type="radio"
                    name="template"
                    value={value}
                    checked={template === value}
                    onChange={() => setTemplate(value)}
                  />
                  <span>
                    <strong>{t(label)}</strong>
                    <span class="hint">{t(hint)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {error && (
              <p id="create-error" class="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" class="button button--primary button--large" disabled={busy}>
              {busy ? t('home.creating') : t('home.submit')}
            </button>
          </form>
        </section>

        <KnownWallsList refresh={created?.response.id} />

        <p class="privacy-note">{t('home.privacy')}</p>
      </main>
    </>
  );
}
