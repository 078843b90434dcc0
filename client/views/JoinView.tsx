/**
 * Choose a display name (or stay anonymous, as an explicit choice) and a breakout group.
 * Stored per wall in this browser; reachable again from the wall's "change" button.
 */
import { useEffect, useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { AppHeader } from '../components/AppHeader';
import { StatusBanner } from '../components/StatusBanner';
import { announce } from '../announce';
import { useT } from '../i18n';
import { useStatus, useWall } from '../sync/hooks';
import { setProfile } from '../storage';
import { getParticipantRole, setParticipantRole } from '../participantRole';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../shared/schemas';
import { useWallContext } from './wallContext';

const NO_GROUP = '';
/** "I prefer not to say": the default, stored as no role at all. */
const UNSAID = '';

export function JoinView({ changing, onDone }: { changing: boolean; onDone: () => void }) {
  const t = useT();
  const ctx = useWallContext();
  const { wall, info, wallId, profile } = ctx;
  const { status } = useStatus(ctx.session);
  const groups = useWall(wall, (w) => w.groups());
  const title = useWall(wall, (w) => w.getMeta().title) || info.title;
  const allowNoGroup = info.role !== 'participant';
  // A group link fixes the group: no choice to make, only the name.
  const fixedGroup = info.role === 'participant' && info.groupId ? groups.find((g) => g.id === info.groupId) : undefined;
  const fixedGroupId = info.role === 'participant' ? (info.groupId ?? null) : null;

  const [name, setName] = useState(profile?.name ?? '');
  const [anonymous, setAnonymous] = useState(profile ? profile.name === null : false);
  const [groupId, setGroupId] = useState<string>(profile?.groupId ?? NO_GROUP);
  const [role, setRole] = useState<ParticipantRole | typeof UNSAID>(() => getParticipantRole(wallId) ?? UNSAID);
  const [errors, setErrors] = useState<{ name?: string; group?: string }>({});
  const groupMissing = !!profile?.groupId && !groups.some((g) => g.id === profile.groupId);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [title, t]);

  const submit = (e: Event) => {
    e.preventDefault();
    const trimmed = name.trim();
    const next: typeof errors = {};
    if (!anonymous && !trimmed) next.name = t('join.error.name');
    const chosenGroup = fixedGroupId ?? groupId;
    const validGroup = groups.some((g) => g.id === chosenGroup);
    if (!fixedGroupId && !validGroup && !(allowNoGroup && groupId === NO_GROUP)) next.group = t('join.error.group');
    setErrors(next);
    if (next.name || next.group) {
      requestAnimationFrame(() => document.getElementById(next.name ? 'join-name' : 'join-groups')?.focus());
      return;
    }
    const saved = { name: anonymous ? null : trimmed.slice(0, LIMITS.displayNameMax), groupId: fixedGroupId ?? (validGroup ? groupId : null) };
    setProfile(wallId, saved);
    setParticipantRole(wallId, role || undefined);
    wall.setWriterRole(role || undefined);
    // Every Yjs item carries the writing document's client id, and presence shows that id with
    // the name. Switching between named and anonymous in the same page would let anyone link
    // the anonymous notes to the name, so such a switch starts a fresh page (a new client id)
    // before the new profile is published anywhere.
    if (profile && (profile.name === null) !== (saved.name === null)) {
      location.reload();
      return;
    }
    ctx.setProfile(saved);
    if (changing) announce(t('profile.saved'));
    onDone();
  };

  const loadingGroups = groups.length === 0 && status === 'syncing';

  return (
    <>
      <AppHeader />
      <StatusBanner />
      <main id="main" tabIndex={-1} class="join">
        <h1>{title}</h1>
        <form class="card" onSubmit={submit} noValidate aria-labelledby="join-heading">
          <h2 id="join-heading">{changing ? t('join.headingChange') : t('join.heading')}</h2>
          <p>{t('join.intro')}</p>
          {groupMissing && <p class="notice">{t('wall.groupMissing')}</p>}

          <fieldset class="field">
            <legend>{t('join.nameLegend')}</legend>
            <label for="join-name">{t('join.nameLabel')}</label>
            <p id="join-name-hint" class="hint">
              {t('join.nameHint')}
            </p>
            <input
              id="join-name"
              type="text"
              value={name}
              maxLength={LIMITS.displayNameMax}
              autoComplete="nickname"
              disabled={anonymous}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? 'join-name-hint join-name-error' : 'join-name-hint'}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            {errors.name && (
              <p id="join-name-error" class="form-error">
                {errors.name}
              </p>
            )}
            <label class="choice">
              <input
                type="checkbox"
                name="anonymous"
                checked={anonymous}
                aria-describedby="join-anonymous-hint"
                onChange={(e) => setAnonymous(e.currentTarget.checked)}
              />
              <span>
                <strong>{t('join.anonymous')}</strong>
                <span id="join-anonymous-hint" class="hint">
                  {t('join.anonymousHint')}
                </span>
              </span>
            </label>
          </fieldset>

          {fixedGroupId ? (
            <p class="field" data-testid="fixed-group">
              {fixedGroup ? t('join.groupFixed', { group: fixedGroup.name }) : t('join.groupsLoading')}
            </p>
          ) : (
          <fieldset
            class="field choice-list"
            id="join-groups"
            tabIndex={-1}
            aria-invalid={errors.group ? true : undefined}
            aria-describedby={errors.group ? 'join-group-error' : undefined}
          >
            <legend>{t('join.groupLegend')}</legend>
            {loadingGroups && <p class="loading">{t('join.groupsLoading')}</p>}
            {!loadingGroups && groups.length === 0 && <p class="empty">{t('join.noGroups')}</p>}
            {groups.map((g) => (
              <label key={g.id} class="choice">
                <input
                  type="radio"
                  name="group"
                  value={g.id}
                  checked={groupId === g.id}
                  onChange={() => setGroupId(g.id)}
                />
                <span>{g.name}</span>
              </label>
            ))}
            {allowNoGroup && (
              <label class="choice">
                <input
                  type="radio"
                  name="group"
                  value={NO_GROUP}
                  checked={groupId === NO_GROUP}
                  onChange={() => setGroupId(NO_GROUP)}
                />
                <span>{t('join.noGroup')}</span>
              </label>
            )}
            {errors.group && (
              <p id="join-group-error" class="form-error">
                {errors.group}
              </p>
            )}
          </fieldset>
          )}

          <div class="field">
            <label for="join-role">{t('partRole.ask')}</label>
            <p id="join-role-hint" class="hint">
              {t('partRole.askHint')}
            </p>
            <select
              id="join-role"
              value={role}
              aria-describedby="join-role-hint"
              onChange={(e) => setRole(e.currentTarget.value as ParticipantRole | typeof UNSAID)}
            >
              {([UNSAID, ...PARTICIPANT_ROLES] as const).map((r) => (
                <option key={r || 'unsaid'} value={r}>
                  {r ? t(`partRole.${r}`) : t('partRole.unsaid')}
                </option>
              ))}
            </select>
          </div>

          <p class="privacy-note">{t('join.privacy')}</p>

          <div class="actions">
            <button type="submit" class="button button--primary button--large">
              {changing ? t('app.save') : t('join.submit')}
            </button>
            {changing && (
              <button type="button" class="button button--large" onClick={onDone}>
                {t('app.cancel')}
              </button>
            )}
          </div>
        </form>
      </main>
    </>
  );
}
