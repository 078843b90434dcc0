/**
 * The facilitator's live controls for the task on screen: the two everyday actions as buttons,
 * the rest (timer, locks and visibility, voting) in disclosure sections so the bar stays small.
 * The server refuses all of this from anyone else; this bar is only shown to the facilitator.
 */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { focusLater } from '../moves';
import { useWallContext } from '../views/wallContext';
import { LockControls } from './LockControls';
import { TimerControls } from './TimerControls';
import { VotingControls } from './VotingControls';

export function FacilitatorBar({ taskId }: { taskId: string }) {
  const t = useT();
  const { wall, info } = useWallContext();
  const isCurrent = useWall(wall, (w) => w.control.currentTaskId() === taskId);
  const focusSeq = useWall(wall, (w) => w.control.focus().seq);
  // The seq this page's own "bring everyone here" produced: the feedback shows until it changes.
  const [broughtAt, setBroughtAt] = useState<number | null>(null);
  useEffect(() => setBroughtAt(null), [taskId]);
  if (info.role !== 'facilitator') return null;
  const brought = broughtAt !== null && broughtAt === focusSeq && isCurrent;

  return (
    <section class="facilitation" aria-labelledby={`facilitation-${taskId}`}>
      <h3 id={`facilitation-${taskId}`} class="facilitation__heading">
        {t('facilitation.bar.heading')}
      </h3>
      <div class="facilitation__buttons">
        <button
          type="button"
          class="button button--primary"
          data-focus="bring-here"
          onClick={() => {
            wall.control.bringEveryoneHere(taskId);
            setBroughtAt(wall.control.focus().seq);
          }}
        >
          {t('facilitation.bringHere')}
        </button>
        {!isCurrent && (
          <button
            type="button"
            class="button"
            onClick={() => {
              wall.control.setCurrentTask(taskId);
              // This button goes away with the press: keep the keyboard in the bar.
              focusLater('.facilitation [data-focus="bring-here"]');
            }}
          >
            {t('facilitation.makeCurrent')}
          </button>
        )}
      </div>
      <p role="status" class="facilitation__status">
        {brought ? `✓ ${t('facilitation.broughtHere')}` : isCurrent ? t('facilitation.isCurrent') : ''}
      </p>
      <details class="facilitation__section">
        <summary>{t('facilitation.timer.heading')}</summary>
        <TimerControls />
      </details>
      <details class="facilitation__section">
        <summary>{t('facilitation.locks.heading')}</summary>
        <LockControls taskId={taskId} />
      </details>
      <details class="facilitation__section">
        <summary>{t('facilitation.vote.heading')}</summary>
        <VotingControls taskId={taskId} />
      </details>
    </section>
  );
}
