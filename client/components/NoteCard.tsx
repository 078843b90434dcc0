/**
 * One sticky note. Its accessible name is its text and author (when author names are shown).
 * Edit, move and delete are buttons; Alt+Arrow keys move a focused note; the card can also be
 * dragged. It also carries the process: the chosen mark and thread links, experiment fields in
 * an experiments task, the vote button, and the facilitator's hide/show.
 */
import type { ReadonlySignal } from '@preact/signals';
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import type { Note } from '../../shared/wall';
import { useT } from '../i18n';
import { moveNoteAcross, moveNoteBy } from '../moves';
import { threadKey, type ThreadLinks } from '../threadIndex';
import { useWallContext } from '../views/wallContext';
import { dragging } from './drag';
import { ExperimentFields } from './ExperimentFields';
import { NoteEditor } from './NoteEditor';
import { NoteThread } from './NoteThread';
import { PersonalDataFlag } from './PersonalDataFlag';
import { VoteButton } from './VoteButton';

/** What every card of a column shares. */
export interface CardFlags {
  canMove: boolean;
  /** Alt+Left/Right may move the note to a neighbouring group (not for a group link). */
  canMoveAcross: boolean;
  /** The facilitator sees the personal-data mark and may redact. */
  canRedact: boolean;
  /** May mark the note as chosen for the next workshop. */
  canChoose: boolean;
  /** The facilitator: may hide or show the note. */
  canHide: boolean;
  showAuthors: boolean;
  /** The note is in an experiments task: it is an experiment card. */
  isExperiment: boolean;
  /** The task has a dot vote (open or closed). Without one no vote UI is mounted: on a big wall
   * thousands of idle vote buttons, each subscribed to the wall, would re-render on every change. */
  voting: boolean;
  onMoveMenu: (id: string) => void;
  onDelete: (id: string) => void;
}

interface Props extends CardFlags {
  /**
   * The note, as its column last read it (NoteList.tsx). Read inside the card, so a change of
   * this note re-renders this card alone.
   */
  cell: ReadonlySignal<Note>;
  canEdit: boolean;
  /** A dragged note would land just before this one. */
  dropBefore: boolean;
  /** The note it continues and the notes that continue it. */
  thread: ThreadLinks;
}

function NoteCardImpl(props: Props) {
  const { canEdit, canMove, canMoveAcross, canRedact, dropBefore, onMoveMenu, onDelete } = props;
  const note = props.cell.value;
  const t = useT();
  const { wall } = useWallContext();
  const [editing, setEditing] = useState(false);
  const ids = `note-${note.id}`;

  const onKeyDown = (e: KeyboardEvent) => {
    if (!canMove || !e.altKey || e.target !== e.currentTarget) return;
    const actions: Record<string, () => void> = {
      ArrowUp: () => moveNoteBy(wall, t, note.id, -1),
      ArrowDown: () => moveNoteBy(wall, t, note.id, 1),
      ...(canMoveAcross && {
        ArrowLeft: () => moveNoteAcross(wall, t, note.id, -1),
        ArrowRight: () => moveNoteAcross(wall, t, note.id, 1),
      }),
    };
    const action = actions[e.key];
    if (!action) return;
    // Alt+Left is also the browser's "back": the note, not the page, owns it while focused.
    e.preventDefault();
    e.stopPropagation();
    action();
  };

  return (
    <li
      class={dropBefore ? 'note-item note-item--drop-before' : 'note-item'}
      draggable={canMove && !editing}
      onDragStart={(e) => {
        dragging.value = note.id;
        e.dataTransfer?.setData('text/plain', note.text);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      }}
      onDragEnd={() => {
        dragging.value = null;
      }}
    >
      <article
        class={`note note--${note.color}${dragging.value === note.id ? ' note--dragging' : ''}${note.hidden ? ' note--hidden' : ''}${note.chosen ? ' note--chosen' : ''}`}
        data-note-id={note.id}
        tabIndex={0}
        aria-labelledby={props.showAuthors ? `${ids}-text ${ids}-author` : `${ids}-text`}
        aria-describedby={canMove ? 'note-keys-hint' : undefined}
        onKeyDown={onKeyDown}
      >
        {editing ? (
          <NoteEditor note={note} onDone={() => setEditing(false)} />
        ) : (
          <p id={`${ids}-text`} class="note__text">
            {note.text}
          </p>
        )}
        {note.hidden && (
          <p class="note__hidden">
            <span aria-hidden="true">⊘</span> {t('process.moderation.hiddenLabel')}
          </p>
        )}
        {props.showAuthors && (
          <p id={`${ids}-author`} class="note__author">
            {note.authorName ? t('note.author', { name: note.authorName }) : t('note.authorAnonymous')}
          </p>
        )}
        {props.isExperiment && !editing && <ExperimentFields note={note} canEdit={canEdit} />}
        {!editing && <NoteThread note={note} links={props.thread} />}
        {note.personalData && (canRedact || canEdit) && !editing && <PersonalDataFlag note={note} canRedact={canRedact} />}
        {!editing && (
          <div class="note__actions">
            {props.voting && <VoteButton note={note} />}
            {props.canChoose && (
              <button
                type="button"
                class="button button--small"
                aria-pressed={note.chosen}
                data-focus="choose"
                onClick={() => wall.setChosen(note.id, !note.chosen)}
              >
                {t('process.thread.choose')}
              </button>
            )}
            {props.canHide && (
              <button
                type="button"
                class="button button--small"
                data-focus="hide"
                onClick={() => wall.setHidden(note.id, !note.hidden)}
              >
                {note.hidden ? t('process.moderation.show') : t('process.moderation.hide')}
              </button>
            )}
            {canEdit && (
              <button type="button" class="button button--small" data-focus="edit" onClick={() => setEditing(true)}>
                {t('note.edit')}
              </button>
            )}
            {canMove && (
              <button type="button" class="button button--small" data-focus="move" onClick={() => onMoveMenu(note.id)}>
                {t('note.move')}
              </button>
            )}
            {canEdit && (
              <button type="button" class="button button--small" onClick={() => onDelete(note.id)}>
                {t('note.delete')}
              </button>
            )}
          </div>
        )}
      </article>
    </li>
  );
}

/** Whether two renders of a card would look the same, whatever its note says (the card reads that itself). */
function sameCard(a: Props, b: Props): boolean {
  return (
    a.cell === b.cell &&
    a.canEdit === b.canEdit &&
    a.canMove === b.canMove &&
    a.canMoveAcross === b.canMoveAcross &&
    a.canRedact === b.canRedact &&
    a.canChoose === b.canChoose &&
    a.canHide === b.canHide &&
    a.showAuthors === b.showAuthors &&
    a.isExperiment === b.isExperiment &&
    a.voting === b.voting &&
    (a.thread === b.thread || threadKey(a.thread) === threadKey(b.thread)) &&
    a.dropBefore === b.dropBefore &&
    a.onMoveMenu === b.onMoveMenu &&
    a.onDelete === b.onDelete
  );
}

/**
 * Cards re-render only when their note (through the cell) or their permissions change. A class with
 * shouldComponentUpdate rather than preact/compat's memo: compat would hook into every vnode of
 * the page, and this is its only use.
 */
export class NoteCard extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return !sameCard(this.props, next);
  }

  override render(props: Props) {
    return <NoteCardImpl {...props} />;
  }
}
