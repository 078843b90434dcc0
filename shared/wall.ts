/**
 * The wall's shape inside its Y.Doc, and the only code that knows it.
 *
 *   meta    Y.Map  title, language, createdAt
 *   groups  Y.Map  groupId → Y.Map { name, order }
 *   notes   Y.Map  noteId  → Y.Map { groupId, taskId, text, color, order, authorName, authorId?, createdAt,
 *                                    updatedAt, personalData?, chosen?, originId?, hidden?,
 *                                    owner?, startDate?, measure?, baseline?, target?, result? }
 *   workshops, tasks   the four-workshop process (process.ts)
 *   mirror             mirror material pinned to tasks (mirror.ts)
 *   control            the facilitator's live controls: current task, timer, locks (control.ts)
 *   votes              dot votes (votes.ts)
 *
 * An anonymous note has authorName null and no authorId at all: nothing in the shared document
 * ties it to a browser (its writer's device remembers the note's id locally instead).
 * `personalData` marks a note that was posted although it looked like it held personal data;
 * the facilitator sees the mark and can redact the note.
 *
 * Notes live in one flat map (not inside their group) so that moving a note between groups is a
 * single field write that merges cleanly with a concurrent edit of its text. Reads validate
 * every entry with zod: any client can write anything into a Y.Doc, so a malformed entry is
 * skipped instead of breaking every reader.
 */
import * as Y from 'yjs';
import { Control } from './control';
import { LIMITS } from './limits';
import { randomId } from './ids';
import { Mirror, type MirrorItem } from './mirror';
import { byOrder, keyAt } from './order';
import { REDACTED, hasPersonalData, redactPersonalData } from './personalData';
import { Process, type Task, type Workshop } from './process';
import { changedAny, changedEntries, entryRead, memoRead } from './docReads';
import { GroupRecord, Language, NoteColor, type ParticipantRole, type Template } from './schemas';
import { readNoteRecord } from './noteRecord';
import { STARTING_GROUPS } from './template';
import { Votes } from './votes';
import { Comments } from './comments';
import { Feedback } from './feedback';
import { Followups } from './followups';
import { Reactions } from './reactions';
import { clip, setOrDelete, toYMap } from './ymaps';

export interface Group {
  id: string;
  name: string;
  order: string;
}

/** The fields of an experiment card (a note in an experiments task). */
export const EXPERIMENT_FIELDS = ['owner', 'startDate', 'measure', 'baseline', 'target', 'result'] as const;
export type ExperimentField = (typeof EXPERIMENT_FIELDS)[number];
export type Experiment = Partial<Record<ExperimentField, string>>;

export interface Note {
  id: string;
  groupId: string;
  /** The task it answers (notes of walls older than tasks: the first task). */
  taskId: string;
  text: string;
  color: NoteColor;
  order: string;
  authorName: string | null;
  /** null on anonymous notes. */
  authorId: string | null;
  createdAt: number;
  updatedAt: number;
  /** Posted or saved although it looked like personal data. */
  personalData: boolean;
  /** Chosen to carry forward to the next workshop. */
  chosen: boolean;
  /** The chosen note of an earlier workshop this one continues, or null. */
  originId: string | null;
  /** Hidden by the facilitator: shown to the facilitator only. */
  hidden: boolean;
  /** Experiment card fields that are filled in. */
  experiment: Experiment;
  /** The role the writer said they take part in: for the facilitator's report only, never shown. */
  authorRole?: ParticipantRole;
}

export interface WallMeta {
  title: string;
  language: Language;
  createdAt: number;
}

/** A deleted group with its notes, kept by the caller so the deletion can be undone. */
export interface RemovedGroup {
  group: Group;
  notes: Note[];
}

export interface NewNote {
  groupId: string;
  /** Defaults to the first task. */
  taskId?: string;
  /** The chosen note this one continues. */
  originId?: string;
  text: string;
  color: NoteColor;
  authorName: string | null;
  /** Ignored (not stored) when authorName is null: anonymous notes carry no identifier. */
  authorId: string | null;
  /** The writer chose to post although personal data was detected. */
  personalData?: boolean;
  /** The role the writer said they take part in (the report only). */
  authorRole?: ParticipantRole;
}

/** A removed task or workshop with everything that went with it, kept by the caller for undo. */
export interface RemovedTasks {
  workshop?: Workshop;
  tasks: Task[];
  notes: Note[];
  mirror: MirrorItem[];
}

/** Names of the Y.Doc's root maps. Exported for code that must reason about raw updates (server permissions). */
export const WALL_ROOTS = {
  meta: 'meta',
  groups: 'groups',
  notes: 'notes',
  workshops: 'workshops',
  tasks: 'tasks',
  mirror: 'mirror',
  control: 'control',
  votes: 'votes',
  comments: 'comments',
  reactions: 'reactions',
  followups: 'followups',
  survey: 'survey',
  feedback: 'feedback',
} as const;

/**
 * One part of a wall made on its own, for code that needs only that part: `new Wall(doc)` adds
 * every root map to the doc for good (a Y.Map each, about 150 bytes per root per loaded wall on
 * the server, where most walls never use most roots).
 */
export const wallPart = {
  process: (doc: Y.Doc) => new Process(doc.getMap(WALL_ROOTS.workshops), doc.getMap(WALL_ROOTS.tasks)),
  control: (doc: Y.Doc) => new Control(doc.getMap(WALL_ROOTS.control)),
  votes: (doc: Y.Doc) => new Votes(doc.getMap(WALL_ROOTS.votes)),
  feedback: (doc: Y.Doc) => new Feedback(doc.getMap(WALL_ROOTS.survey), doc.getMap(WALL_ROOTS.feedback)),
};

export class Wall {
  readonly meta: Y.Map<unknown>;
  readonly groupMap: Y.Map<Y.Map<unknown>>;
  readonly noteMap: Y.Map<Y.Map<unknown>>;
  readonly process: Process;
  readonly mirror: Mirror;
  readonly control: Control;
  readonly votes: Votes;
  readonly comments: Comments;
  readonly reactions: Reactions;
  readonly followups: Followups;
  readonly feedback: Feedback;
  /**
   * The role this page's person said at join. Not part of the doc: stamped on the notes and
   * votes this page writes (for the facilitator's report), never shown.
   */
  private writerRole: ParticipantRole | undefined;
  /** Everyone who called observe(), and how to stop the roots' shared deep observers. */
  private readonly listeners = new Set<() => void>();
  private stopObserving: (() => void) | null = null;

  constructor(readonly doc: Y.Doc) {
    this.meta = doc.getMap(WALL_ROOTS.meta);
    this.groupMap = doc.getMap(WALL_ROOTS.groups);
    this.noteMap = doc.getMap(WALL_ROOTS.notes);
    this.process = wallPart.process(doc);
    this.mirror = new Mirror(doc.getMap(WALL_ROOTS.mirror));
    this.control = wallPart.control(doc);
    this.votes = wallPart.votes(doc);
    this.comments = new Comments(doc.getMap(WALL_ROOTS.comments));
    this.reactions = new Reactions(doc.getMap(WALL_ROOTS.reactions));
    this.followups = new Followups(doc.getMap(WALL_ROOTS.followups));
    this.feedback = wallPart.feedback(doc);
  }

  // ---------------------------------------------------------------- reads

  getMeta(): WallMeta {
    const title = this.meta.get('title');
    const language = Language.safeParse(this.meta.get('language'));
    const createdAt = this.meta.get('createdAt');
    return {
      title: typeof title === 'string' ? title.slice(0, LIMITS.titleMax) : '',
      language: language.success ? language.data : 'fi',
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
    };
  }

  /** Groups in display order. */
  groups(): Group[] {
    return memoRead(this.doc, 'groups', [this.groupMap], () => {
      const out: Group[] = [];
      this.groupMap.forEach((value, id) => {
        if (!(value instanceof Y.Map)) return;
        const parsed = GroupRecord.safeParse(value.toJSON());
        if (parsed.success) out.push({ id, ...parsed.data });
      });
      return out.sort(byOrder);
    });
  }

  getGroup(id: string): Group | undefined {
    return this.groups().find((g) => g.id === id);
  }

  /** All valid notes whose group exists, in display order within each group (of every task). */
  notes(): Note[] {
    const { groupMap, noteMap, process } = this;
    return memoRead(
      this.doc,
      'notes',
      [noteMap, groupMap, process.workshopMap, process.taskMap],
      () => {
        const groupIds = new Set(this.groups().map((g) => g.id));
        const firstTaskId = process.firstTaskId() ?? '';
        const out: Note[] = [];
        noteMap.forEach((value, id) => {
          const note = this.readNote(id, value, firstTaskId);
          if (note && groupIds.has(note.groupId)) out.push(note);
        });
        return out.sort(byOrder);
      },
      (before, changed) => this.notesEditedIn(before, changed),
    );
  }

  /**
   * `before` with the notes in `changed` read again, where each is still valid and kept its
   * group and order (so its place): a text edit, a vote or a colour on a 2,000-note wall without
   * reading and sorting every note again. Undefined when a note came, went or moved.
   */
  private notesEditedIn(before: readonly Note[], changed: ReadonlySet<string>): Note[] | undefined {
    if (changed.size > 16) return undefined;
    const firstTaskId = this.process.firstTaskId() ?? '';
    const out = before.slice();
    for (const id of changed) {
      const at = out.findIndex((n) => n.id === id);
      const note = at >= 0 ? this.readNote(id, this.noteMap.get(id), firstTaskId) : undefined;
      if (!note || note.groupId !== out[at]!.groupId || note.order !== out[at]!.order) return undefined;
      out[at] = note;
    }
    return out;
  }

  /**
   * The ids of the notes a finished transaction added, changed or deleted; null when it changed
   * what every note's reading depends on (groups, workshops, tasks: read them all with notes()).
   * For code that follows a 2,000-note wall change by change instead of comparing every note.
   */
  notesChangedBy(tr: Y.Transaction): Set<string> | null {
    const { groupMap, process } = this;
    return changedAny(tr, [groupMap, process.workshopMap, process.taskMap]) ? null : changedEntries(tr, this.noteMap);
  }

  /** The notes of one task, every group's. */
  notesInTask(taskId: string): Note[] {
    return this.notes().filter((n) => n.taskId === taskId);
  }

  /** The notes of one group's column in a task (default: the first task). */
  notesIn(groupId: string, taskId: string = this.process.firstTaskId() ?? ''): Note[] {
    return this.notes().filter((n) => n.groupId === groupId && n.taskId === taskId);
  }

  /**
   * Whether `other`, another copy of this wall (the server's), has received this note's text (or
   * one experiment card field) as this copy holds it: its state vector covers the Yjs item that
   * wrote the value. A note deleted or redacted in `other` still counts as received there; a
   * refused edit is a new item, unseen.
   */
  noteFieldReceivedBy(id: string, field: 'text' | ExperimentField, other: Y.Doc): boolean {
    const value = this.noteMap.get(id);
    const item = value instanceof Y.Map ? value._map.get(field) : undefined;
    return item !== undefined && item.id.clock < Y.getState(other.store, item.id.client);
  }

  getNote(id: string): Note | undefined {
    return this.readNote(id, this.noteMap.get(id), this.process.firstTaskId() ?? '');
  }

  /** Parsed once per change of the note (and of the first task, which notes without a task belong to). */
  private readNote(id: string, value: unknown, firstTaskId: string): Note | undefined {
    return entryRead(this.noteMap, id, firstTaskId, () => this.parseNote(id, value, firstTaskId));
  }

  private parseNote(id: string, value: unknown, firstTaskId: string): Note | undefined {
    if (!(value instanceof Y.Map)) return undefined;
    const record = readNoteRecord(value.toJSON());
    if (!record) return undefined;
    const { authorId, personalData, taskId, chosen, originId, hidden, owner, startDate, measure, baseline, target, result, ...rest } =
      record;
    const experiment: Experiment = {};
    for (const [k, v] of Object.entries({ owner, startDate, measure, baseline, target, result })) {
      if (v) experiment[k as ExperimentField] = v;
    }
    return {
      id,
      ...rest,
      taskId: taskId ?? firstTaskId,
      authorId: authorId ?? null,
      personalData: personalData === true,
      chosen: chosen === true,
      originId: originId ?? null,
      hidden: hidden === true,
      experiment,
    };
  }

  /**
   * The starting points of a task: the notes chosen in the workshop before the task's own. The
   * problems chosen in workshop 1 are what workshop 2 analyses, and so on.
   */
  startingPoints(taskId: string): Note[] {
    const task = this.process.getTask(taskId);
    const previous = task && this.process.previousWorkshop(task.workshopId);
    if (!previous) return [];
    const taskIds = new Set(this.process.tasksIn(previous.id).map((t) => t.id));
    return this.notes().filter((n) => n.chosen && !n.hidden && taskIds.has(n.taskId));
  }

  /** Notes that continue `noteId` (the thread forward). */
  continuations(noteId: string): Note[] {
    return this.notes().filter((n) => n.originId === noteId);
  }

  /** The thread back from a note to where it started, oldest first, without the note itself. */
  originsOf(noteId: string): Note[] {
    const chain: Note[] = [];
    const seen = new Set([noteId]);
    let next = this.getNote(noteId)?.originId ?? null;
    while (next && !seen.has(next)) {
      seen.add(next);
      const origin = this.getNote(next);
      if (!origin) break;
      chain.unshift(origin);
      next = origin.originId;
    }
    return chain;
  }

  /** Calls `onChange` after every change to the wall, local or remote. Returns the unsubscribe. */
  observe(onChange: () => void): () => void {
    // One deep observer per root for all subscribers: a 2,000-note wall has thousands of
    // subscribed components, and Yjs would otherwise keep (and walk) thousands of handlers per root.
    const listener = () => onChange();
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      const roots = Object.values(WALL_ROOTS).map((name) => this.doc.getMap(name));
      const handler = () => {
        for (const l of [...this.listeners]) l();
      };
      for (const root of roots) root.observeDeep(handler);
      this.stopObserving = () => {
        for (const root of roots) root.unobserveDeep(handler);
      };
    }
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.stopObserving?.();
      this.stopObserving = null;
    };
  }

  // ---------------------------------------------------------------- wall

  /**
   * Sets up a new wall's content: meta, breakout groups, and the template's workshops and tasks,
   * with the first task current. Called once, by the server, when a wall is created.
   */
  initialise(meta: WallMeta, groupNames: readonly string[], template: Template = 'blank'): void {
    this.doc.transact(() => {
      this.meta.set('title', clip(meta.title, LIMITS.titleMax));
      this.meta.set('language', meta.language);
      this.meta.set('createdAt', meta.createdAt);
      for (const name of groupNames) this.addGroup(name);
      const first = this.process.applyTemplate(template, meta.language);
      if (first) this.control.setCurrentTask(first);
    });
  }

  /** How many groups a template starts with. */
  static startingGroups(template: Template): number {
    return STARTING_GROUPS[template];
  }

  // ---------------------------------------------------------------- workshops and tasks

  /** Removes a task with its notes and mirror material; returns what is needed to undo it. */
  removeTask(taskId: string): RemovedTasks | undefined {
    const task = this.process.getTask(taskId);
    if (!task) return undefined;
    return this.removeTasks([task]);
  }

  /** Removes a workshop with its tasks, their notes and mirror material. */
  removeWorkshop(workshopId: string): RemovedTasks | undefined {
    const workshop = this.process.getWorkshop(workshopId);
    if (!workshop) return undefined;
    const removed = this.removeTasks(this.process.tasksIn(workshopId), () => this.process.deleteWorkshopEntry(workshopId));
    return { ...removed, workshop };
  }

  private removeTasks(tasks: Task[], alsoDo?: () => void): RemovedTasks {
    const ids = new Set(tasks.map((t) => t.id));
    const notes = this.notes().filter((n) => ids.has(n.taskId));
    const mirror = this.mirror.all().filter((m) => ids.has(m.taskId));
    this.doc.transact(() => {
      for (const n of notes) this.noteMap.delete(n.id);
      for (const m of mirror) this.mirror.map.delete(m.id);
      for (const t of tasks) this.process.deleteTaskEntry(t.id);
      alsoDo?.();
    });
    return { tasks, notes, mirror };
  }

  restoreTasks(removed: RemovedTasks): void {
    this.doc.transact(() => {
      if (removed.workshop) this.process.restoreWorkshop(removed.workshop);
      for (const t of removed.tasks) this.process.restoreTask(t);
      for (const m of removed.mirror) this.mirror.restore(m);
      for (const n of removed.notes) this.restoreNote(n);
    });
  }

  setWriterRole(role: ParticipantRole | undefined): void {
    this.writerRole = role;
    this.votes.writerRole = role;
  }

  /** Sets the meta as given: a wall imported from an export keeps its title, language and creation time. */
  restoreMeta(meta: WallMeta): void {
    this.doc.transact(() => {
      this.meta.set('title', clip(meta.title, LIMITS.titleMax));
      this.meta.set('language', meta.language);
      this.meta.set('createdAt', meta.createdAt);
    });
  }

  setTitle(title: string): void {
    this.meta.set('title', clip(title, LIMITS.titleMax));
  }

  // ---------------------------------------------------------------- groups

  addGroup(name: string): string | undefined {
    const groups = this.groups();
    if (groups.length >= LIMITS.groupsMax) return undefined;
    const id = randomId();
    this.groupMap.set(id, toYMap({ name: clip(name, LIMITS.groupNameMax), order: keyAt(groups, groups.length) }));
    return id;
  }

  renameGroup(id: string, name: string): void {
    const value = this.groupMap.get(id);
    if (value instanceof Y.Map) value.set('name', clip(name, LIMITS.groupNameMax));
  }

  /** Moves a group to `index` among the other groups. */
  moveGroup(id: string, index: number): void {
    const value = this.groupMap.get(id);
    if (!(value instanceof Y.Map)) return;
    const others = this.groups().filter((g) => g.id !== id);
    value.set('order', keyAt(others, index));
  }

  /** Removes a group and its notes in one transaction; returns what is needed to undo it. */
  removeGroup(id: string): RemovedGroup | undefined {
    const group = this.getGroup(id);
    if (!group) return undefined;
    const notes = this.notes().filter((n) => n.groupId === id); // in every task
    this.doc.transact(() => {
      for (const note of notes) this.noteMap.delete(note.id);
      this.groupMap.delete(id);
    });
    return { group, notes };
  }

  restoreGroup(removed: RemovedGroup): void {
    this.doc.transact(() => {
      const { id, ...group } = removed.group;
      this.groupMap.set(id, toYMap({ ...group }));
      for (const note of removed.notes) this.restoreNote(note);
    });
  }

  // ---------------------------------------------------------------- notes

  /** Adds a note at the end of its group. Returns its id, or undefined when the wall is full. */
  addNote(input: NewNote): string | undefined {
    if (!this.getGroup(input.groupId) || this.noteMap.size >= LIMITS.notesMax) return undefined;
    const text = clip(input.text, LIMITS.noteTextMax);
    const taskId = input.taskId ?? this.process.firstTaskId();
    if (!text || !taskId) return undefined;
    const siblings = this.notesIn(input.groupId, taskId);
    const now = Date.now();
    const id = randomId();
    const authorName = input.authorName === null ? null : clip(input.authorName, LIMITS.displayNameMax) || null;
    this.noteMap.set(
      id,
      toYMap({
        groupId: input.groupId,
        taskId,
        originId: input.originId,
        text,
        color: input.color,
        order: keyAt(siblings, siblings.length),
        authorName,
        // Anonymous means no identifier at all, not a hidden one.
        authorId: authorName === null || input.authorId === null ? undefined : input.authorId.slice(0, 64),
        createdAt: now,
        updatedAt: now,
        personalData: input.personalData ? true : undefined,
        authorRole: input.authorRole ?? this.writerRole,
      }),
    );
    return id;
  }

  /**
   * Replaces a note's text. `personalData` says whether the writer kept detected personal data
   * (true) or the text is clean (false); the mark is removed, not stored as false.
   */
  updateNoteText(id: string, text: string, personalData = false): void {
    const value = this.noteMap.get(id);
    const clipped = clip(text, LIMITS.noteTextMax);
    if (!(value instanceof Y.Map) || !clipped) return;
    this.doc.transact(() => {
      value.set('text', clipped);
      value.set('updatedAt', Date.now());
      this.setPersonalDataMark(value, personalData);
    });
  }

  /**
   * Facilitator: replaces every detected identity code, phone number and e-mail address in the
   * note with `replacement` and removes the personal-data mark. Returns false for no such note.
   */
  redactNote(id: string, replacement: string = REDACTED): boolean {
    const value = this.noteMap.get(id);
    const note = this.getNote(id);
    if (!(value instanceof Y.Map) || !note) return false;
    const redacted = clip(redactPersonalData(note.text, replacement), LIMITS.noteTextMax) || replacement;
    this.doc.transact(() => {
      if (redacted !== note.text) {
        value.set('text', redacted);
        value.set('updatedAt', Date.now());
      }
      this.setPersonalDataMark(value, hasPersonalData(redacted));
    });
    return true;
  }

  private setPersonalDataMark(value: Y.Map<unknown>, on: boolean): void {
    setOrDelete(value, 'personalData', on || undefined);
  }

  setNoteColor(id: string, color: NoteColor): void {
    const value = this.noteMap.get(id);
    if (!(value instanceof Y.Map)) return;
    this.doc.transact(() => {
      value.set('color', color);
      value.set('updatedAt', Date.now());
    });
  }

  /** Moves a note to `index` among the other notes of `groupId` (its own group or another), in its task. */
  moveNote(id: string, groupId: string, index: number): void {
    const value = this.noteMap.get(id);
    const note = this.getNote(id);
    if (!(value instanceof Y.Map) || !note || !this.getGroup(groupId)) return;
    const siblings = this.notesIn(groupId, note.taskId).filter((n) => n.id !== id);
    this.doc.transact(() => {
      value.set('groupId', groupId);
      value.set('order', keyAt(siblings, index));
    });
  }

  /** Marks a note as chosen (or not) to carry forward to the next workshop. */
  setChosen(id: string, chosen: boolean): void {
    const value = this.noteMap.get(id);
    if (value instanceof Y.Map) setOrDelete(value, 'chosen', chosen || undefined);
  }

  /** Facilitator (moderation): hides a note from everyone but the facilitator, or shows it again. */
  setHidden(id: string, hidden: boolean): void {
    const value = this.noteMap.get(id);
    if (value instanceof Y.Map) setOrDelete(value, 'hidden', hidden || undefined);
  }

  /** Writes one experiment card field; an empty value removes it. */
  setExperimentField(id: string, field: ExperimentField, text: string): void {
    const value = this.noteMap.get(id);
    if (!(value instanceof Y.Map)) return;
    const clipped = clip(text, LIMITS.experimentFieldMax);
    this.doc.transact(() => {
      setOrDelete(value, field, clipped || undefined);
      value.set('updatedAt', Date.now());
    });
  }

  /** Deletes a note; returns it so the deletion can be undone. */
  deleteNote(id: string): Note | undefined {
    const note = this.getNote(id);
    if (note) this.noteMap.delete(id);
    return note;
  }

  restoreNote(note: Note): void {
    const { id, authorId, personalData, chosen, originId, hidden, experiment, ...record } = note;
    this.noteMap.set(
      id,
      toYMap({
        ...record,
        ...experiment,
        authorId: authorId ?? undefined,
        personalData: personalData || undefined,
        chosen: chosen || undefined,
        originId: originId ?? undefined,
        hidden: hidden || undefined,
      }),
    );
  }
}
