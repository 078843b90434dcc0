/**
 * The process as navigation: workshops in order with their tasks. One task shows at a time;
 * the facilitator's current task is marked "now". On a narrow screen a select replaces the list
 * (process.css swaps them), so a phone keeps its room for the notes.
 */
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { showTask } from '../sync/viewedTask';
import { useWallContext } from '../views/wallContext';

export function TaskNav({ viewedTaskId }: { viewedTaskId: string | null }) {
  const t = useT();
  const { wall } = useWallContext();
  const workshops = useWall(wall, (w) => w.process.workshops().map((ws) => ({ ...ws, tasks: w.process.tasksIn(ws.id) })));
  const currentId = useWall(wall, (w) => w.control.currentTaskId());
  // Picking the current task means following the facilitator again.
  const pick = (id: string) => showTask(id === currentId ? null : id);

  return (
    <nav class="task-nav" aria-label={t('process.nav.label')}>
      <div class="task-nav__compact">
        <label for="task-select">{t('process.nav.selectLabel')}</label>
        <select id="task-select" value={viewedTaskId ?? ''} onChange={(e) => pick(e.currentTarget.value)}>
          {workshops.map((ws) => (
            <optgroup key={ws.id} label={ws.title}>
              {ws.tasks.map((task) => (
                <option key={task.id} value={task.id}>
                  {task.id === currentId ? t('process.nav.optionNow', { task: task.title }) : task.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <ol class="task-nav__list">
        {workshops.map((ws) => (
          <li key={ws.id} class="task-nav__workshop">
            <h2 class="task-nav__heading" id={`workshop-${ws.id}`}>
              {ws.title}
            </h2>
            <ol aria-labelledby={`workshop-${ws.id}`}>
              {ws.tasks.map((task) => (
                <li key={task.id}>
                  <button
                    type="button"
                    class={`task-nav__task${task.id === viewedTaskId ? ' task-nav__task--viewed' : ''}`}
                    aria-current={task.id === viewedTaskId ? 'page' : undefined}
                    data-task-id={task.id}
                    onClick={() => pick(task.id)}
                  >
                    <span class="task-nav__title">{task.title}</span>
                    {task.id === currentId && <span class="badge badge--now">{t('process.nav.now')}</span>}
                  </button>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
