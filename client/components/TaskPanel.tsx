/**
 * "What we are doing now": the viewed task's workshop, title and instructions at the top of the
 * task, for everyone and on a phone too. When the user has browsed away from the facilitator's
 * current task, one click takes them back to where everyone is.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Task } from '../../shared/process';
import { announce } from '../announce';
import { focusWhenPresent } from '../moves';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { showTask } from '../sync/viewedTask';
import { useWallContext } from '../views/wallContext';
import { FacilitatorBar } from './FacilitatorBar';
import { VotesLeft } from './VotesLeft';

interface Props {
  task: Task;
  /** Participants cannot write here now (task or wall locked). */
  locked: boolean;
  /** Participants see only their own group's column (private writing). */
  privateView: boolean;
}

export function TaskPanel({ task, locked, privateView }: Props) {
  const t = useT();
  const { wall, info } = useWallContext();
  const workshop = useWall(wall, (w) => w.process.getWorkshop(task.workshopId));
  const current = useWall(wall, (w) => {
    const id = w.control.currentTaskId();
    return id ? w.process.getTask(id) : undefined;
  });
  const isCurrent = !current || current.id === task.id;
  // A lock that comes or goes while the user is here changes what they can do: say so.
  const wasLocked = useRef(locked);
  useEffect(() => {
    if (wasLocked.current === locked) return;
    wasLocked.current = locked;
    announce(locked ? t('process.lockedNow') : t('process.unlockedNow'));
  }, [locked]);

  return (
    <section class="task-panel" aria-labelledby="task-title" data-task-id={task.id}>
      <p class="task-panel__label">
        {isCurrent ? t('process.panel.now') : t('process.panel.browsing')}
        {workshop && <span class="task-panel__workshop"> · {workshop.title}</span>}
      </p>
      <h2 id="task-title" tabIndex={-1}>
        {task.title}
      </h2>
      {task.instructions && <p class="task-panel__instructions">{task.instructions}</p>}
      <VotesLeft taskId={task.id} />
      {!isCurrent && current && (
        <p class="task-panel__back">
          <span>{t('process.panel.othersAt', { task: current.title })}</span>{' '}
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              showTask(null);
              // This panel (and the button) gives way to the current task's: its heading takes the focus.
              focusWhenPresent(`.task-panel[data-task-id="${CSS.escape(current.id)}"] #task-title`);
            }}
          >
            {t('process.panel.back')}
          </button>
        </p>
      )}
      {locked && (
        <p class="notice notice--locked">
          <span aria-hidden="true">🔒</span> {t('process.locked')}
        </p>
      )}
      {privateView && <p class="notice">{t('process.privateWriting')}</p>}
      {info.role === 'facilitator' && <FacilitatorBar taskId={task.id} />}
    </section>
  );
}
