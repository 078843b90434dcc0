/**
 * What a column's note cards do, handled once on the column's list instead of on every card: a
 * 2,000-note wall had eight listeners per card (sixteen thousand addEventListener calls while it
 * rendered). A card's buttons are named by `data-focus` (which also lets focus return to them);
 * those named by an action here are handled here, and the note is the one whose article holds
 * the button.
 */
import type { Wall } from '../../shared/wall';
import type { Translator } from '../i18n';
import { moveNoteAcross, moveNoteBy } from '../moves';
import { dragging } from './drag';

/** The card buttons' names (data-focus) that this handles. */
export const NOTE_ACTIONS = ['choose', 'hide', 'move', 'delete'] as const;
export type NoteAction = (typeof NOTE_ACTIONS)[number];

interface Options {
  wall: Wall;
  t: Translator;
  canMove: boolean;
  /** Alt+Left/Right may move a note to a neighbouring group. */
  canMoveAcross: boolean;
  onMoveMenu: (id: string) => void;
  onDelete: (id: string) => void;
}

const noteIdOf = (element: Element | null) => element?.closest<HTMLElement>('[data-note-id]')?.dataset.noteId;

export function noteListHandlers({ wall, t, canMove, canMoveAcross, onMoveMenu, onDelete }: Options) {
  const act: Record<NoteAction, (id: string) => void> = {
    choose: (id) => {
      const note = wall.getNote(id);
      if (note) wall.setChosen(id, !note.chosen);
    },
    hide: (id) => {
      const note = wall.getNote(id);
      if (note) wall.setHidden(id, !note.hidden);
    },
    move: onMoveMenu,
    delete: onDelete,
  };

  return {
    onClick(e: MouseEvent) {
      const button = (e.target as Element).closest<HTMLElement>('button[data-focus]');
      const action = button?.dataset.focus as NoteAction | undefined;
      const id = noteIdOf(button ?? null);
      if (action && id && NOTE_ACTIONS.includes(action)) act[action](id);
    },

    onKeyDown(e: KeyboardEvent) {
      // Only on the focused note itself, not on its buttons or its editor's fields.
      const article = e.target as HTMLElement;
      if (!canMove || !e.altKey || !article.matches('article[data-note-id]')) return;
      const id = article.dataset.noteId!;
      const moves: Record<string, () => void> = {
        ArrowUp: () => moveNoteBy(wall, t, id, -1),
        ArrowDown: () => moveNoteBy(wall, t, id, 1),
        ...(canMoveAcross && {
          ArrowLeft: () => moveNoteAcross(wall, t, id, -1),
          ArrowRight: () => moveNoteAcross(wall, t, id, 1),
        }),
      };
      const move = moves[e.key];
      if (!move) return;
      // Alt+Left is also the browser's "back": the note, not the page, owns it while focused.
      e.preventDefault();
      e.stopPropagation();
      move();
    },

    onDragStart(e: DragEvent) {
      const item = e.target as Element;
      const id = item instanceof HTMLLIElement ? noteIdOf(item.querySelector('[data-note-id]')) : undefined;
      if (!id) return;
      dragging.value = id;
      e.dataTransfer?.setData('text/plain', wall.getNote(id)?.text ?? '');
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    },

    onDragEnd() {
      dragging.value = null;
    },
  };
}
