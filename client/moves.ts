/**
 * Moving notes and groups by keyboard or menu: one place computes the target, tells screen
 * reader users where the item went, and puts focus back on it (a moved element is re-inserted
 * in the DOM, which drops focus).
 */
import type { Wall } from '../shared/wall';
import { announce } from './announce';
import type { Translator } from './i18n';

export function focusLater(selector: string, fallback?: string): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el && !(el as HTMLButtonElement).disabled) el.focus();
    else if (fallback) document.querySelector<HTMLElement>(fallback)?.focus();
  });
}

/**
 * Focuses `selector` once it is in the page: after showTask() the task's notes render a little
 * later than the next frame, so this retries for a short while before giving up.
 */
export function focusWhenPresent(selector: string, tries = 30): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    } else if (tries > 0) focusWhenPresent(selector, tries - 1);
  });
}

export const noteSelector = (id: string) => `[data-note-id="${CSS.escape(id)}"]`;
export const groupSelector = (id: string) => `[data-group-id="${CSS.escape(id)}"]`;

/** Places a note at `index` among the other notes of `groupId` in its task; announces and refocuses. */
export function moveNoteTo(wall: Wall, t: Translator, id: string, groupId: string, index: number): void {
  wall.moveNote(id, groupId, index);
  const taskId = wall.getNote(id)?.taskId;
  const siblings = wall.notesIn(groupId, taskId);
  const group = wall.getGroup(groupId);
  const position = siblings.findIndex((n) => n.id === id) + 1;
  if (group && position > 0) announce(t('note.moved', { group: group.name, position, total: siblings.length }));
  focusLater(noteSelector(id));
}

/** One step up (-1) or down (+1) within the note's group. */
export function moveNoteBy(wall: Wall, t: Translator, id: string, delta: -1 | 1): void {
  const note = wall.getNote(id);
  if (!note) return;
  const siblings = wall.notesIn(note.groupId, note.taskId);
  const from = siblings.findIndex((n) => n.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= siblings.length) return;
  moveNoteTo(wall, t, id, note.groupId, to);
}

/** To the previous (-1) or next (+1) group, at the same height where possible. */
export function moveNoteAcross(wall: Wall, t: Translator, id: string, delta: -1 | 1): void {
  const note = wall.getNote(id);
  if (!note) return;
  const groups = wall.groups();
  const target = groups[groups.findIndex((g) => g.id === note.groupId) + delta];
  if (!target) return;
  const index = wall.notesIn(note.groupId, note.taskId).findIndex((n) => n.id === id);
  moveNoteTo(wall, t, id, target.id, Math.min(index, wall.notesIn(target.id, note.taskId).length));
}

/** One step earlier (-1) or later (+1) among the groups; focus stays on the pressed control. */
export function moveGroupBy(wall: Wall, t: Translator, id: string, delta: -1 | 1, focusSelector?: string): void {
  const groups = wall.groups();
  const from = groups.findIndex((g) => g.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= groups.length) return;
  wall.moveGroup(id, to);
  const after = wall.groups();
  const group = after.find((g) => g.id === id);
  if (group) announce(t('group.moved', { name: group.name, position: after.indexOf(group) + 1, total: after.length }));
  const base = groupSelector(id);
  focusLater(focusSelector ? `${base} ${focusSelector}` : base, `${base} [data-focus="manage"]`);
}
