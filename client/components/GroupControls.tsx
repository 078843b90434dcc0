/**
 * The facilitator's tools for one group, folded behind "Edit group" so a projected wall stays
 * clean: rename, move earlier/later (buttons or Alt+Arrow keys), remove; Esc folds them away.
 */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import type { Group } from '../../shared/wall';
import { announce } from '../announce';
import { useT } from '../i18n';
import { focusLater, groupSelector, moveGroupBy } from '../moves';
import { useWallContext } from '../views/wallContext';

interface Props {
  group: Group;
  position: number;
  groupCount: number;
  onRemove: (groupId: string) => void;
}

export function GroupControls({ group, position, groupCount, onRemove }: Props) {
  const t = useT();
  const { wall } = useWallContext();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(group.name);
  const [error, setError] = useState<string | null>(null);
  const panelId = `group-${group.id}-tools`;

  const move = (delta: -1 | 1) =>
    moveGroupBy(wall, t, group.id, delta, `[data-focus="${delta < 0 ? 'earlier' : 'later'}"]`);

  const rename = (e: Event) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('group.nameRequired'));
    setError(null);
    wall.renameGroup(group.id, trimmed);
    announce(t('group.renamed', { name: trimmed.slice(0, LIMITS.groupNameMax) }));
  };

  return (
    <div
      class="group-tools"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        // Esc folds the open tools away again, back onto the button that opened them.
        e.preventDefault();
        setOpen(false);
        focusLater(`${groupSelector(group.id)} [data-focus="manage"]`);
      }}
    >
      <button
        type="button"
        class="button button--small"
        data-focus="manage"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('group.manageNamed', { name: group.name })}
        onClick={() => {
          setName(group.name);
          setOpen(!open);
        }}
      >
        {t('group.manage')}
      </button>
      {open && (
        <div
          id={panelId}
          class="group-tools__panel"
          onKeyDown={(e) => {
            if (!e.altKey) return;
            const delta = e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : 0;
            if (!delta) return;
            e.preventDefault();
            move(delta);
          }}
        >
          <form class="inline-form" onSubmit={rename} noValidate>
            <label for={`${panelId}-name`}>{t('group.renameLabel')}</label>
            <input
              id={`${panelId}-name`}
              type="text"
              value={name}
              maxLength={LIMITS.groupNameMax}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${panelId}-error` : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <button type="submit" class="button button--small">
              {t('group.renameSave')}
            </button>
          </form>
          {error && (
            <p id={`${panelId}-error`} class="form-error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="button" class="button button--small" data-focus="earlier" disabled={position === 0} onClick={() => move(-1)}>
              {t('group.moveEarlier')}
            </button>
            <button
              type="button"
              class="button button--small"
              data-focus="later"
              disabled={position >= groupCount - 1}
              onClick={() => move(1)}
            >
              {t('group.moveLater')}
            </button>
            <button type="button" class="button button--small button--danger" onClick={() => onRemove(group.id)}>
              {t('group.remove')}
            </button>
          </div>
          <p class="hint">{t('group.keyboardHint')}</p>
        </div>
      )}
    </div>
  );
}
