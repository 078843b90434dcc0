/**
 * Locks and what participants see, for one task and the whole wall. Private writing is only a
 * view setting (every note still reaches every device), and the hint says so plainly.
 */
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { ControlToggle } from './ControlToggle';

export function LockControls({ taskId }: { taskId: string }) {
  const t = useT();
  const { wall } = useWallContext();
  const task = useWall(wall, (w) => w.process.getTask(taskId));
  const wallLocked = useWall(wall, (w) => w.control.locked());
  const showAuthors = useWall(wall, (w) => w.control.showAuthors());
  if (!task) return null;
  return (
    <div class="facilitation__group choice-list">
      <ControlToggle
        label={t('facilitation.lockTask')}
        hint={t('facilitation.lockTask.hint')}
        checked={task.locked}
        onChange={(on) => wall.process.setTaskLocked(taskId, on)}
      />
      <ControlToggle
        label={t('facilitation.lockWall')}
        hint={t('facilitation.lockWall.hint')}
        checked={wallLocked}
        onChange={(on) => wall.control.setLocked(on)}
      />
      <ControlToggle
        label={t('facilitation.privateWriting')}
        hint={t('facilitation.privateWriting.hint')}
        checked={task.privateWriting}
        onChange={(on) => wall.process.setPrivateWriting(taskId, on)}
      />
      <ControlToggle
        label={t('facilitation.showAuthors')}
        hint={t('facilitation.showAuthors.hint')}
        checked={showAuthors}
        onChange={(on) => wall.control.setShowAuthors(on)}
      />
    </div>
  );
}
