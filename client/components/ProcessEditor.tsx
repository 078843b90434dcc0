/**
 * The facilitator's editor for the process: rename, reorder, add and delete workshops and
 * tasks, choose a task's kind and write its instructions. Every change goes straight into the
 * wall. A deletion asks first, naming how many notes go with it, and can be undone.
 */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import type { Task, Workshop } from '../../shared/process';
import type { TaskKind } from '../../shared/schemas';
import type { RemovedTasks } from '../../shared/wall';
import { announce } from '../announce';
import { useT } from '../i18n';
import { focusLater } from '../moves';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { CommitInput } from './CommitInput';
import { ConfirmDialog } from './ConfirmDialog';
import { ReorderButtons, type MoveDirection } from './ReorderButtons';

interface Props {
  onClose: () => void;
  offerUndo: (message: string, undo: () => void) => void;
}

type Deleting = { kind: 'task'; task: Task } | { kind: 'workshop'; workshop: Workshop };

const workshopSel = (id: string) => `[data-edit-workshop="${CSS.escape(id)}"]`;
const taskSel = (id: string) => `[data-edit-task="${CSS.escape(id)}"]`;

export function ProcessEditor({ onClose, offerUndo }: Props) {
  const t = useT();
  const { wall } = useWallContext();
  const workshops = useWall(wall, (w) => w.process.workshops().map((ws) => ({ ...ws, tasks: w.process.tasksIn(ws.id) })));
  const [deleting, setDeleting] = useState<Deleting | null>(null);

  const moveWorkshop = (id: string, index: number, focus: MoveDirection) => {
    wall.process.moveWorkshop(id, index);
    announce(t('process.editor.moved', { position: index + 1, total: workshops.length }));
    // At the end of the list the pressed button is disabled: the other direction keeps focus on the row.
    const row = `${workshopSel(id)} > .process-editor__row`;
    focusLater(`${row} [data-focus="${focus}"]`, `${row} [data-focus="${focus === 'up' ? 'down' : 'up'}"]`);
  };
  const moveTask = (task: Task, index: number, total: number, focus: MoveDirection) => {
    wall.process.moveTask(task.id, task.workshopId, index);
    announce(t('process.editor.moved', { position: index + 1, total }));
    focusLater(`${taskSel(task.id)} [data-focus="${focus}"]`, `${taskSel(task.id)} [data-focus="${focus === 'up' ? 'down' : 'up'}"]`);
  };
  const confirmDelete = () => {
    if (!deleting) return;
    const removed: RemovedTasks | undefined =
      deleting.kind === 'task' ? wall.removeTask(deleting.task.id) : wall.removeWorkshop(deleting.workshop.id);
    const name = deleting.kind === 'task' ? deleting.task.title : deleting.workshop.title;
    setDeleting(null);
    if (!removed) return;
    const message = t('process.editor.deleted', { name });
    announce(message);
    offerUndo(message, () => {
      wall.restoreTasks(removed);
      announce(t('process.editor.restored', { name }));
      // The toast goes away with its button: the focus goes back to the restored row's delete
      // button, where the user started (or to the task in the navigation if the editor is closed).
      const row = removed.workshop ? `${workshopSel(removed.workshop.id)} > .process-editor__row` : taskSel(removed.tasks[0]?.id ?? '');
      focusLater(`${row} [data-focus="delete"]`, `.task-nav [data-task-id="${CSS.escape(removed.tasks[0]?.id ?? '')}"]`);
    });
    focusLater('.toast button');
  };
  // Counted at every render, not when the dialog opened: a note someone writes in the task
  // meanwhile is deleted with it, so the dialog says so (the editor re-renders on every change).
  const notesOf = (tasks: Task[]) => {
    const ids = new Set(tasks.map((x) => x.id));
    return wall.notes().filter((n) => ids.has(n.taskId)).length;
  };
  const deletingTasks = !deleting ? [] : deleting.kind === 'task' ? [deleting.task] : (workshops.find((ws) => ws.id === deleting.workshop.id)?.tasks ?? []);
  const deletingNotes = deleting ? notesOf(deletingTasks) : 0;

  return (
    <section class="process-editor" aria-labelledby="process-editor-title">
      <div class="process-editor__head">
        <h2 id="process-editor-title" tabIndex={-1}>
          {t('process.editor.heading')}
        </h2>
        <button type="button" class="button button--primary" onClick={onClose}>
          {t('process.editor.done')}
        </button>
      </div>
      <p class="hint">{t('process.editor.hint')}</p>
      <ol class="process-editor__workshops">
        {workshops.map((ws, wi) => (
          <li key={ws.id} class="process-editor__workshop" data-edit-workshop={ws.id}>
            <div class="process-editor__row">
              <div class="field">
                <label for={`ws-${ws.id}-title`}>{t('process.editor.workshopName', { n: wi + 1 })}</label>
                <CommitInput
                  id={`ws-${ws.id}-title`}
                  value={ws.title}
                  maxLength={LIMITS.titleMax}
                  onCommit={(v) => wall.process.renameWorkshop(ws.id, v)}
                />
              </div>
              <ReorderButtons
                name={ws.title}
                index={wi}
                count={workshops.length}
                onMove={(index, pressed) => moveWorkshop(ws.id, index, pressed)}
                deleteLabel={t('process.editor.deleteWorkshop')}
                deleteNamed={t('process.editor.deleteWorkshopNamed', { name: ws.title })}
                canDelete={workshops.length > 1}
                onDelete={() => setDeleting({ kind: 'workshop', workshop: ws })}
              />
            </div>
            <ol class="process-editor__tasks">
              {ws.tasks.map((task, ti) => (
                <li key={task.id} class="process-editor__task" data-edit-task={task.id}>
                  <div class="field">
                    <label for={`task-${task.id}-title`}>{t('process.editor.taskName', { n: ti + 1 })}</label>
                    <CommitInput
                      id={`task-${task.id}-title`}
                      value={task.title}
                      maxLength={LIMITS.titleMax}
                      onCommit={(v) => wall.process.renameTask(task.id, v)}
                    />
                  </div>
                  <div class="field">
                    <label for={`task-${task.id}-instructions`}>{t('process.editor.instructions')}</label>
                    <CommitInput
                      id={`task-${task.id}-instructions`}
                      multiline
                      value={task.instructions}
                      maxLength={LIMITS.instructionsMax}
                      onCommit={(v) => wall.process.setInstructions(task.id, v)}
                    />
                  </div>
                  <div class="field">
                    <label for={`task-${task.id}-kind`}>{t('process.editor.kind')}</label>
                    <select
                      id={`task-${task.id}-kind`}
                      value={task.kind}
                      onChange={(e) => wall.process.setTaskKind(task.id, e.currentTarget.value as TaskKind)}
                    >
                      <option value="notes">{t('process.editor.kind.notes')}</option>
                      <option value="experiments">{t('process.editor.kind.experiments')}</option>
                    </select>
                  </div>
                  <ReorderButtons
                    name={task.title}
                    index={ti}
                    count={ws.tasks.length}
                    onMove={(index, pressed) => moveTask(task, index, ws.tasks.length, pressed)}
                    deleteLabel={t('process.editor.deleteTask')}
                    deleteNamed={t('process.editor.deleteTaskNamed', { name: task.title })}
                    onDelete={() => setDeleting({ kind: 'task', task })}
                  />
                </li>
              ))}
            </ol>
            <AddForm
              id={`ws-${ws.id}-new-task`}
              label={t('process.editor.newTask')}
              submit={t('process.editor.addTask')}
              onAdd={(title) => {
                const id = wall.process.addTask(ws.id, title);
                if (id) {
                  announce(t('process.editor.added', { name: title }));
                  focusLater(`${taskSel(id)} input`);
                }
              }}
            />
          </li>
        ))}
      </ol>
      <AddForm
        id="new-workshop"
        label={t('process.editor.newWorkshop')}
        submit={t('process.editor.addWorkshop')}
        onAdd={(title) => {
          const id = wall.process.addWorkshop(title);
          if (id) {
            announce(t('process.editor.added', { name: title }));
            focusLater(`${workshopSel(id)} input`);
          }
        }}
      />
      {deleting && (
        <ConfirmDialog
          title={t('process.editor.deleteConfirm', {
            name: deleting.kind === 'task' ? deleting.task.title : deleting.workshop.title,
          })}
          confirmLabel={deleting.kind === 'task' ? t('process.editor.deleteTask') : t('process.editor.deleteWorkshop')}
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        >
          <p>{deletingNotes === 0 ? t('process.editor.deleteNoNotes') : t.plural('process.editor.deleteNotes', deletingNotes)}</p>
          <p>{t('process.editor.undoHint')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface AddFormProps {
  id: string;
  label: string;
  submit: string;
  onAdd: (title: string) => void;
}

/** A one-field form that adds a workshop or task with the typed name. */
function AddForm({ id, label, submit, onAdd }: AddFormProps) {
  const [value, setValue] = useState('');
  return (
    <form
      class="process-editor__add"
      onSubmit={(e) => {
        e.preventDefault();
        const title = value.trim();
        if (!title) return;
        onAdd(title);
        setValue('');
      }}
    >
      <label for={id}>{label}</label>
      <input id={id} type="text" required maxLength={LIMITS.titleMax} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit" class="button">
        {submit}
      </button>
    </form>
  );
}
