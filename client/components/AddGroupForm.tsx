/** Facilitator: add a breakout group at the end. Suggests "Group N" as the name. */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { announce } from '../announce';
import { useT } from '../i18n';
import { focusLater, groupSelector } from '../moves';
import { useWallContext } from '../views/wallContext';

export function AddGroupForm({ groupCount }: { groupCount: number }) {
  const t = useT();
  const { wall } = useWallContext();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const full = groupCount >= LIMITS.groupsMax;

  const submit = (e: Event) => {
    e.preventDefault();
    const chosen = name.trim() || t('group.defaultName', { n: groupCount + 1 });
    const id = wall.addGroup(chosen);
    if (!id) return setError(t('group.limit', { max: LIMITS.groupsMax }));
    setName('');
    setError(null);
    announce(t('group.added', { name: chosen }));
    // Bring the new column into view without taking the focus away from the form.
    requestAnimationFrame(() => document.querySelector(groupSelector(id))?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    focusLater('#add-group-name');
  };

  return (
    <form class="add-group" onSubmit={submit} noValidate aria-labelledby="add-group-heading">
      <h2 id="add-group-heading" class="sr-only">
        {t('group.addHeading')}
      </h2>
      <label for="add-group-name">{t('group.addLabel')}</label>
      <input
        id="add-group-name"
        type="text"
        value={name}
        maxLength={LIMITS.groupNameMax}
        placeholder={t('group.defaultName', { n: groupCount + 1 })}
        aria-describedby={error || full ? 'add-group-error' : undefined}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <button type="submit" class="button button--primary" disabled={full}>
        {t('group.add')}
      </button>
      {(error || full) && (
        <p id="add-group-error" class="form-error" role="alert">
          {error ?? t('group.limit', { max: LIMITS.groupsMax })}
        </p>
      )}
    </form>
  );
}
