/** Dot voting for one task: votes per person, hidden counts, open, close, end, clear. */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { announce } from '../announce';
import { useT } from '../i18n';
import { focusLater } from '../moves';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { ConfirmDialog } from './ConfirmDialog';
import { ControlToggle } from './ControlToggle';

export function VotingControls({ taskId }: { taskId: string }) {
  const t = useT();
  const { wall } = useWallContext();
  const task = useWall(wall, (w) => w.process.getTask(taskId));
  const given = useWall(wall, (w) => w.votes.inTask(taskId).length);
  const [confirming, setConfirming] = useState(false);
  if (!task) return null;
  const setVoting = wall.process.setVoting.bind(wall.process, taskId);
  const inputId = `votes-per-person-${taskId}`;
  // "End voting" goes away when pressed and "Clear votes" is disabled once cleared: the focus
  // goes to the open / close button, which is always there.
  const focusStateButton = () => focusLater(`[data-vote-state="${CSS.escape(taskId)}"]`);

  return (
    <div class="facilitation__group">
      <p class="facilitation__status">
        <strong>{t(`facilitation.vote.state.${task.voteState}`)}</strong> {t.plural('facilitation.vote.given', given)}
      </p>
      <div class="field facilitation__number">
        <label for={inputId}>{t('facilitation.vote.perPerson')}</label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={1}
          max={LIMITS.votesPerPersonMax}
          step={1}
          value={task.votesPerPerson}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isFinite(n) && n >= 1) setVoting({ votesPerPerson: n });
          }}
        />
      </div>
      <ControlToggle
        label={t('facilitation.vote.hideCounts')}
        checked={task.hideVoteCounts}
        onChange={(on) => setVoting({ hideVoteCounts: on })}
      />
      <div class="facilitation__buttons">
        {task.voteState === 'open' ? (
          <button type="button" class="button button--primary" data-vote-state={taskId} onClick={() => setVoting({ state: 'closed' })}>
            {t('facilitation.vote.close')}
          </button>
        ) : (
          <button type="button" class="button button--primary" data-vote-state={taskId} onClick={() => setVoting({ state: 'open' })}>
            {t('facilitation.vote.open')}
          </button>
        )}
        {task.voteState !== 'off' && (
          <button
            type="button"
            class="button"
            onClick={() => {
              setVoting({ state: 'off' });
              focusStateButton();
            }}
          >
            {t('facilitation.vote.off')}
          </button>
        )}
        <button type="button" class="button" disabled={given === 0} onClick={() => setConfirming(true)}>
          {t('facilitation.vote.clear')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('facilitation.vote.clearTitle')}
          confirmLabel={t('facilitation.vote.clear')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            wall.votes.clear(taskId);
            setConfirming(false);
            announce(t('facilitation.vote.cleared'));
            focusStateButton();
          }}
        >
          <p>{t.plural('facilitation.vote.clearBody', given)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
