/**
 * A column's notes. On a 2,000-note wall, re-rendering the list for every remote change meant
 * building and comparing 2,000 card elements to find the one that changed. So the list
 * re-renders only when its shape changes (which notes, in which order, with which permissions
 * and thread links); when only notes' content changed, it hands each changed note to that
 * note's own card through a signal, and that card alone re-renders.
 */
import { batch, signal, type Signal } from '@preact/signals';
import { Component } from 'preact';
import type { Note } from '../../shared/wall';
import { linksOf, threadKey, type ThreadIndex } from '../threadIndex';
import type { NearNotes } from './nearNotes';
import { NoteCard, type CardFlags } from './NoteCard';

interface Props {
  notes: readonly Note[];
  /** What every card of the column shares. */
  flags: CardFlags;
  canEdit: (note: Note) => boolean;
  threads: ThreadIndex;
  /** A dragged note would land just before this one. */
  dropBefore: string | null;
  /** The note being dragged. */
  draggingId: string | null;
  /** The column's: which cards show their buttons. */
  nearNotes: NearNotes;
}

/** Whether the list would render the same cards with the same props, whatever the notes say. */
function sameShape(a: Props, b: Props): boolean {
  if (a.notes.length !== b.notes.length || a.dropBefore !== b.dropBefore || a.draggingId !== b.draggingId || a.nearNotes !== b.nearNotes) return false;
  // Every flag is a boolean, so comparing them all catches a flag added later too.
  if ((Object.keys(b.flags) as (keyof CardFlags)[]).some((name) => a.flags[name] !== b.flags[name])) return false;
  for (let i = 0; i < a.notes.length; i++) {
    const before = a.notes[i]!;
    const now = b.notes[i]!;
    if (before.id !== now.id || a.canEdit(before) !== b.canEdit(now)) return false;
    const linksBefore = linksOf(a.threads, now.id);
    const linksNow = linksOf(b.threads, now.id);
    if (linksBefore !== linksNow && threadKey(linksBefore) !== threadKey(linksNow)) return false;
  }
  return true;
}

export class NoteList extends Component<Props> {
  /** One signal per note on the list, holding the note as last read. */
  private cells = new Map<string, Signal<Note>>();

  override shouldComponentUpdate(next: Props): boolean {
    if (!sameShape(this.props, next)) return true;
    // Same notes in the same order: a note whose object is new changed, and only its card
    // re-renders. Looking each note's cell up was the most JavaScript time of a remote edit.
    const before = this.props.notes;
    batch(() => {
      next.notes.forEach((note, i) => {
        if (note !== before[i]) this.cells.get(note.id)!.value = note;
      });
    });
    return false;
  }

  override render({ notes, flags, canEdit, threads, dropBefore, draggingId, nearNotes }: Props) {
    const cells = new Map<string, Signal<Note>>();
    const cards = notes.map((note) => {
      let cell = this.cells.get(note.id);
      if (cell) cell.value = note;
      else cell = signal(note);
      cells.set(note.id, cell);
      return (
        <NoteCard
          key={note.id}
          cell={cell}
          {...flags}
          canEdit={canEdit(note)}
          thread={linksOf(threads, note.id)}
          dropBefore={dropBefore === note.id}
          dragged={draggingId === note.id}
          nearNotes={nearNotes}
        />
      );
    });
    this.cells = cells;
    return <>{cards}</>;
  }
}
