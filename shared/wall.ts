/**
 * The wall's shape inside its Y.Doc, and the only code that knows it.
 *
 *   meta    Y.Map  title, language, createdAt
 *   groups  Y.Map  groupId → Y.Map { name, order }
 *   notes   Y.Map  noteId  → Y.Map { groupId, text, color, order, authorName, authorId?, createdAt, updatedAt,
 *                                    personalData? }
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
import { LIMITS } from './limits';
import { randomId } from './ids';
import { byOrder, keyAt } from './order';
import { REDACTED, hasPersonalData, redactPersonalData } from './personalData';
import { GroupRecord, Language, NoteColor, NoteRecord } from './schemas';

export interface Group {
  id: string;
  name: string;
  order: string;
}

export interface Note {
  id: string;
  groupId: string;
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
  text: string;
  color: NoteColor;
  authorName: string | null;
  /** Ignored (not stored) when authorName is null: anonymous notes carry no identifier. */
  authorId: string | null;
  /** The writer chose to post although personal data was detected. */
  personalData?: boolean;
}

/** Names of the Y.Doc's root maps. Exported for code that must reason about raw updates (server permissions). */
export const WALL_ROOTS = { meta: 'meta', groups: 'groups', notes: 'notes' } as const;

const clip = (s: string, max: number) => s.trim().slice(0, max);

function toYMap(record: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(record)) if (v !== undefined) m.set(k, v);
  return m;
}

export class Wall {
  readonly meta: Y.Map<unknown>;
  readonly groupMap: Y.Map<Y.Map<unknown>>;
  readonly noteMap: Y.Map<Y.Map<unknown>>;

  constructor(readonly doc: Y.Doc) {
    this.meta = doc.getMap(WALL_ROOTS.meta);
    this.groupMap = doc.getMap(WALL_ROOTS.groups);
    this.noteMap = doc.getMap(WALL_ROOTS.notes);
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
    const out: Group[] = [];
    this.groupMap.forEach((value, id) => {
      if (!(value instanceof Y.Map)) return;
      const parsed = GroupRecord.safeParse(value.toJSON());
      if (parsed.success) out.push({ id, ...parsed.data });
    });
    return out.sort(byOrder);
  }

  getGroup(id: string): Group | undefined {
    return this.groups().find((g) => g.id === id);
  }

  /** All valid notes whose group exists, in display order within each group. */
  notes(): Note[] {
    const groupIds = new Set(this.groups().map((g) => g.id));
    const out: Note[] = [];
    this.noteMap.forEach((value, id) => {
      const note = this.readNote(id, value);
      if (note && groupIds.has(note.groupId)) out.push(note);
    });
    return out.sort(byOrder);
  }

  notesIn(groupId: string): Note[] {
    return this.notes().filter((n) => n.groupId === groupId);
  }

  getNote(id: string): Note | undefined {
    return this.readNote(id, this.noteMap.get(id));
  }

  private readNote(id: string, value: unknown): Note | undefined {
    if (!(value instanceof Y.Map)) return undefined;
    const parsed = NoteRecord.safeParse(value.toJSON());
    if (!parsed.success) return undefined;
    const { authorId, personalData, ...rest } = parsed.data;
    return { id, ...rest, authorId: authorId ?? null, personalData: personalData === true };
  }

  /** Calls `onChange` after every change to the wall, local or remote. Returns the unsubscribe. */
  observe(onChange: () => void): () => void {
    const handler = () => onChange();
    this.meta.observeDeep(handler);
    this.groupMap.observeDeep(handler);
    this.noteMap.observeDeep(handler);
    return () => {
      this.meta.unobserveDeep(handler);
      this.groupMap.unobserveDeep(handler);
      this.noteMap.unobserveDeep(handler);
    };
  }

  // ---------------------------------------------------------------- wall

  /** Sets up a new wall's content. Called once, by the server, when a wall is created. */
  initialise(meta: WallMeta, groupNames: readonly string[]): void {
    this.doc.transact(() => {
      this.meta.set('title', clip(meta.title, LIMITS.titleMax));
      this.meta.set('language', meta.language);
      this.meta.set('createdAt', meta.createdAt);
      for (const name of groupNames) this.addGroup(name);
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
    const notes = this.notesIn(id);
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
    if (!text) return undefined;
    const siblings = this.notesIn(input.groupId);
    const now = Date.now();
    const id = randomId();
    const authorName = input.authorName === null ? null : clip(input.authorName, LIMITS.displayNameMax) || null;
    this.noteMap.set(
      id,
      toYMap({
        groupId: input.groupId,
        text,
        color: input.color,
        order: keyAt(siblings, siblings.length),
        authorName,
        // Anonymous means no identifier at all, not a hidden one.
        authorId: authorName === null || input.authorId === null ? undefined : input.authorId.slice(0, 64),
        createdAt: now,
        updatedAt: now,
        personalData: input.personalData ? true : undefined,
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
    if (on) value.set('personalData', true);
    else if (value.has('personalData')) value.delete('personalData');
  }

  setNoteColor(id: string, color: NoteColor): void {
    const value = this.noteMap.get(id);
    if (!(value instanceof Y.Map)) return;
    this.doc.transact(() => {
      value.set('color', color);
      value.set('updatedAt', Date.now());
    });
  }

  /** Moves a note to `index` among the other notes of `groupId` (its own group or another). */
  moveNote(id: string, groupId: string, index: number): void {
    const value = this.noteMap.get(id);
    if (!(value instanceof Y.Map) || !this.getGroup(groupId)) return;
    const siblings = this.notesIn(groupId).filter((n) => n.id !== id);
    this.doc.transact(() => {
      value.set('groupId', groupId);
      value.set('order', keyAt(siblings, index));
    });
  }

  /** Deletes a note; returns it so the deletion can be undone. */
  deleteNote(id: string): Note | undefined {
    const note = this.getNote(id);
    if (note) this.noteMap.delete(id);
    return note;
  }

  restoreNote(note: Note): void {
    const { id, authorId, personalData, ...record } = note;
    this.noteMap.set(
      id,
      toYMap({ ...record, authorId: authorId ?? undefined, personalData: personalData ? true : undefined }),
    );
  }
}
