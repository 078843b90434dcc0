/**
 * The four-workshop process inside the wall: workshops in order, each made of tasks. A task is
 * one question; every breakout group answers it in its own column, so a note belongs to a task
 * and a group.
 *
 *   workshops  Y.Map  workshopId → Y.Map { title, order, phase }
 *   tasks      Y.Map  taskId     → Y.Map { workshopId, title, instructions, order, kind,
 *                                          locked?, privateWriting?, voteState?, votesPerPerson?, hideVoteCounts? }
 *
 * Tasks are a flat map keyed by id (like notes) so moving one between workshops is one field write.
 */
import * as Y from 'yjs';
import { translate } from './i18n';
import { LIMITS } from './limits';
import { randomId } from './ids';
import { byOrder, keyAt } from './order';
import { memoRead } from './docReads';
import { TaskRecord, WorkshopRecord, type Language, type TaskKind, type Template, type VoteState, type WorkshopPhase } from './schemas';
import { TEMPLATES } from './template';
import { clip, readEntries, setOrDelete, toYMap } from './ymaps';

export interface Workshop {
  id: string;
  title: string;
  order: string;
  phase: WorkshopPhase;
}

export interface Task {
  id: string;
  workshopId: string;
  title: string;
  instructions: string;
  order: string;
  kind: TaskKind;
  locked: boolean;
  privateWriting: boolean;
  voteState: VoteState;
  votesPerPerson: number;
  hideVoteCounts: boolean;
}

export interface VoteSettings {
  state: VoteState;
  votesPerPerson: number;
  hideVoteCounts: boolean;
}

export const DEFAULT_VOTES_PER_PERSON = 3;

/** What removing a task took with it; the notes are removed by the caller (Wall.removeTask). */
export interface RemovedTask {
  task: Task;
}

export class Process {
  constructor(
    readonly workshopMap: Y.Map<Y.Map<unknown>>,
    readonly taskMap: Y.Map<Y.Map<unknown>>,
  ) {}

  // ---------------------------------------------------------------- reads

  workshops(): Workshop[] {
    return memoRead(this.workshopMap.doc, 'workshops', [this.workshopMap], () =>
      readEntries(this.workshopMap as Y.Map<unknown>, WorkshopRecord),
    );
  }

  getWorkshop(id: string): Workshop | undefined {
    return this.workshops().find((w) => w.id === id);
  }

  /** Every task whose workshop exists, workshop by workshop, each workshop's in order. */
  tasks(): Task[] {
    return memoRead(this.taskMap.doc, 'tasks', [this.workshopMap, this.taskMap], () => {
      const rank = new Map(this.workshops().map((w, i) => [w.id, i]));
      const out: Task[] = [];
      this.taskMap.forEach((value, id) => {
        const task = this.readTask(id, value);
        if (task && rank.has(task.workshopId)) out.push(task);
      });
      return out.sort((a, b) => rank.get(a.workshopId)! - rank.get(b.workshopId)! || byOrder(a, b));
    });
  }

  tasksIn(workshopId: string): Task[] {
    return this.tasks().filter((t) => t.workshopId === workshopId);
  }

  getTask(id: string): Task | undefined {
    const task = this.readTask(id, this.taskMap.get(id));
    return task && this.workshopMap.has(task.workshopId) ? task : undefined;
  }

  /** The first task of the first workshop: where notes without a task belong. */
  firstTaskId(): string | null {
    return this.tasks()[0]?.id ?? null;
  }

  /** The workshop after `workshopId`, if any. */
  nextWorkshop(workshopId: string): Workshop | undefined {
    const all = this.workshops();
    const i = all.findIndex((w) => w.id === workshopId);
    return i >= 0 ? all[i + 1] : undefined;
  }

  previousWorkshop(workshopId: string): Workshop | undefined {
    const all = this.workshops();
    const i = all.findIndex((w) => w.id === workshopId);
    return i > 0 ? all[i - 1] : undefined;
  }

  private readTask(id: string, value: unknown): Task | undefined {
    if (!(value instanceof Y.Map)) return undefined;
    const parsed = TaskRecord.safeParse(value.toJSON());
    if (!parsed.success) return undefined;
    const r = parsed.data;
    return {
      id,
      workshopId: r.workshopId,
      title: r.title,
      instructions: r.instructions,
      order: r.order,
      kind: r.kind,
      locked: r.locked === true,
      privateWriting: r.privateWriting === true,
      voteState: r.voteState ?? 'off',
      votesPerPerson: r.votesPerPerson ?? DEFAULT_VOTES_PER_PERSON,
      hideVoteCounts: r.hideVoteCounts === true,
    };
  }

  // ---------------------------------------------------------------- template

  /** Adds the template's workshops and tasks, in `language`. Returns the first task's id. */
  applyTemplate(template: Template, language: Language): string | undefined {
    let first: string | undefined;
    for (const w of TEMPLATES[template]) {
      const workshopId = this.addWorkshop(translate(language, w.title), w.phase);
      if (!workshopId) break;
      for (const t of w.tasks) {
        const taskId = this.addTask(workshopId, translate(language, t.title), translate(language, t.instructions), t.kind);
        first ??= taskId;
      }
    }
    return first;
  }

  // ---------------------------------------------------------------- workshops

  addWorkshop(title: string, phase: WorkshopPhase = 'other'): string | undefined {
    const all = this.workshops();
    if (all.length >= LIMITS.workshopsMax) return undefined;
    const id = randomId();
    this.workshopMap.set(id, toYMap({ title: clip(title, LIMITS.titleMax), order: keyAt(all, all.length), phase }));
    return id;
  }

  renameWorkshop(id: string, title: string): void {
    const value = this.workshopMap.get(id);
    if (value instanceof Y.Map) value.set('title', clip(title, LIMITS.titleMax));
  }

  moveWorkshop(id: string, index: number): void {
    const value = this.workshopMap.get(id);
    if (!(value instanceof Y.Map)) return;
    value.set('order', keyAt(this.workshops().filter((w) => w.id !== id), index));
  }

  /** Removes only the workshop entry; Wall.removeWorkshop removes its tasks and notes with it. */
  deleteWorkshopEntry(id: string): void {
    this.workshopMap.delete(id);
  }

  restoreWorkshop(workshop: Workshop): void {
    const { id, ...record } = workshop;
    this.workshopMap.set(id, toYMap({ ...record }));
  }

  // ---------------------------------------------------------------- tasks

  addTask(workshopId: string, title: string, instructions = '', kind: TaskKind = 'notes'): string | undefined {
    if (!this.workshopMap.has(workshopId) || this.taskMap.size >= LIMITS.tasksMax) return undefined;
    const siblings = this.tasksIn(workshopId);
    const id = randomId();
    this.taskMap.set(
      id,
      toYMap({
        workshopId,
        title: clip(title, LIMITS.titleMax),
        instructions: clip(instructions, LIMITS.instructionsMax),
        order: keyAt(siblings, siblings.length),
        kind,
      }),
    );
    return id;
  }

  renameTask(id: string, title: string): void {
    this.taskField(id)?.set('title', clip(title, LIMITS.titleMax));
  }

  setInstructions(id: string, instructions: string): void {
    this.taskField(id)?.set('instructions', clip(instructions, LIMITS.instructionsMax));
  }

  setTaskKind(id: string, kind: TaskKind): void {
    this.taskField(id)?.set('kind', kind);
  }

  /** Moves a task to `index` among the tasks of `workshopId` (its own workshop or another). */
  moveTask(id: string, workshopId: string, index: number): void {
    const value = this.taskField(id);
    if (!value || !this.workshopMap.has(workshopId)) return;
    const siblings = this.tasksIn(workshopId).filter((t) => t.id !== id);
    value.doc!.transact(() => {
      value.set('workshopId', workshopId);
      value.set('order', keyAt(siblings, index));
    });
  }

  deleteTaskEntry(id: string): void {
    this.taskMap.delete(id);
  }

  restoreTask(task: Task): void {
    const { id, locked, privateWriting, voteState, votesPerPerson, hideVoteCounts, ...record } = task;
    this.taskMap.set(
      id,
      toYMap({
        ...record,
        locked: locked || undefined,
        privateWriting: privateWriting || undefined,
        voteState: voteState === 'off' ? undefined : voteState,
        votesPerPerson: votesPerPerson === DEFAULT_VOTES_PER_PERSON ? undefined : votesPerPerson,
        hideVoteCounts: hideVoteCounts || undefined,
      }),
    );
  }

  // ---------------------------------------------------------------- per-task controls (facilitator)

  setTaskLocked(id: string, locked: boolean): void {
    const value = this.taskField(id);
    if (value) setOrDelete(value, 'locked', locked || undefined);
  }

  setPrivateWriting(id: string, on: boolean): void {
    const value = this.taskField(id);
    if (value) setOrDelete(value, 'privateWriting', on || undefined);
  }

  setVoting(id: string, settings: Partial<VoteSettings>): void {
    const value = this.taskField(id);
    if (!value) return;
    value.doc!.transact(() => {
      if (settings.state !== undefined) setOrDelete(value, 'voteState', settings.state === 'off' ? undefined : settings.state);
      if (settings.votesPerPerson !== undefined) {
        const n = Math.max(1, Math.min(LIMITS.votesPerPersonMax, Math.round(settings.votesPerPerson)));
        value.set('votesPerPerson', n);
      }
      if (settings.hideVoteCounts !== undefined) setOrDelete(value, 'hideVoteCounts', settings.hideVoteCounts || undefined);
    });
  }

  private taskField(id: string): Y.Map<unknown> | undefined {
    const value = this.taskMap.get(id);
    return value instanceof Y.Map ? value : undefined;
  }
}
