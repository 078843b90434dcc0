/**
 * One sticky note. Its accessible name is its text and author (when author names are shown).
 * It shows one action button, the one its viewer uses most, and the others (edit, move, delete,
 * hide, choose) in its "⋯" menu (cardActions.ts); Alt+Arrow keys move a focused note; the card
 * can also be dragged. It also carries the process: the chosen mark and thread links, experiment
 * fields in an experiments task, and the vote button.
 */
import type { ReadonlySignal } from '@preact/signals';
import { Component } from 'preact';
import type { Note } from '../../shared/wall';
import type { Language } from '../../shared/schemas';
import { language, useT, type Translator } from '../i18n';
import { threadKey, type ThreadLinks } from '../threadIndex';
import { cardActions, type CardAction } from './cardActions';
import { ExperimentFields } from './ExperimentFields';
import { MenuButton } from './MenuButton';
import { NEAR_NOTES_KNOWN, type NearNotes } from './nearNotes';
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
  /** A long column: the card builds its buttons only once its note has been near the screen or focused (nearNotes.ts). */
  actionsWhenNear: boolean;
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
  /** This note is being dragged. */
  dragged: boolean;
  /** The note it continues and the notes that continue it. */
  thread: ThreadLinks;
  /** Tells the card when its note comes near the screen or gets the focus: only then are its buttons built. */
  nearNotes: NearNotes;
}

interface State {
  editing: boolean;
  /** The note has been near the screen or focused: its buttons are built (nearNotes.ts). */
  near: boolean;
}

/**
 * One component per card, with everything a note shows: on a 2,000-note wall each component
 * more per card is two thousand more to create, diff and subscribe to signals.
 */
export class NoteCard extends Component<Props, State> {
  override state: State = { editing: false, near: !NEAR_NOTES_KNOWN };
  private stopWatching: (() => void) | null = null;

  // Watched in a short column too: should it grow long, the cards already seen keep their buttons.
  override componentDidMount(): void {
    if (!this.state.near) {
      this.stopWatching = this.props.nearNotes.watch(this.props.cell.peek().id, () => {
        this.stopWatching?.();
        this.stopWatching = null;
        this.setState({ near: true });
      });
    }
  }

  override componentWillUnmount(): void {
    this.stopWatching?.();
  }
  /** The note and language this card last rendered: the signals may have moved on since (see shouldComponentUpdate). */
  private shown: Note | null = null;
  private shownLanguage: Language | null = null;

  override shouldComponentUpdate(next: Props, nextState: State): boolean {
    // A signal's update comes as an empty setState: it is the signal's new value that tells.
    return (
      nextState.editing !== this.state.editing ||
      nextState.near !== this.state.near ||
      next.cell.peek() !== this.shown ||
      language.peek() !== this.shownLanguage ||
      !sameCard(this.props, next)
    );
  }

  /** The vote button, the one action the viewer uses most, and the menu with the others. */
  private renderActions(note: Note, t: Translator, startEditing: () => void) {
    const props = this.props;
    const { shown, inMenu } = cardActions(props);
    const labels: Record<CardAction, string> = {
      choose: t('process.thread.choose'),
      hide: note.hidden ? t('process.moderation.show') : t('process.moderation.hide'),
      edit: t('note.edit'),
      move: t('note.move'),
      delete: t('note.delete'),
    };
    // Editing happens in the card; the other actions are the column's (noteActions.ts).
    const actionAttributes = (action: CardAction) => ({
      'data-focus': action,
      'aria-pressed': action === 'choose' && shown === action ? note.chosen : undefined,
      onClick: action === 'edit' ? startEditing : undefined,
    });

    return (
      <div class="note__actions">
        {props.voting && <VoteButton note={note} />}
        {shown && (
          <button type="button" class="button button--small" {...actionAttributes(shown)}>
            {labels[shown]}
          </button>
        )}
        {inMenu.length > 0 && (
          <MenuButton label={t('note.actions')} focusName="menu">
            {inMenu.map((action) => (
              <button
                key={action}
                type="button"
                class="button button--small"
                role={action === 'choose' ? 'menuitemcheckbox' : 'menuitem'}
                aria-checked={action === 'choose' ? note.chosen : undefined}
                tabIndex={-1}
                {...actionAttributes(action)}
              >
                {labels[action]}
              </button>
            ))}
          </MenuButton>
        )}
      </div>
    );
  }

  override render(props: Props, { editing, near }: State) {
    const { canEdit, canMove, canRedact, dropBefore } = props;
    const note = (this.shown = props.cell.value);
    const t = useT();
    this.shownLanguage = t.language;
    const ids = `note-${note.id}`;
    const setEditing = (value: boolean) => this.setState({ editing: value });
    const thread = props.thread;
    const inThread = note.chosen || !!thread.origin || thread.continuations.length > 0;
    // Clicks on the buttons, Alt+arrow keys and dragging are handled by the column (noteActions.ts).
    return (
      <li class={dropBefore ? 'note-item note-item--drop-before' : 'note-item'} draggable={canMove && !editing}>
        <article
          class={`note note--${note.color}${props.dragged ? ' note--dragging' : ''}${note.hidden ? ' note--hidden' : ''}${note.chosen ? ' note--chosen' : ''}`}
          data-note-id={note.id}
          tabIndex={0}
          aria-labelledby={props.showAuthors ? `${ids}-text ${ids}-author` : `${ids}-text`}
          aria-describedby={canMove ? 'note-keys-hint' : undefined}
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
          {inThread && !editing && <NoteThread note={note} links={thread} />}
          {note.personalData && (canRedact || canEdit) && !editing && <PersonalDataFlag note={note} canRedact={canRedact} />}
          {!editing && (near || !props.actionsWhenNear) && this.renderActions(note, t, () => setEditing(true))}
        </article>
      </li>
    );
  }
}

/** Whether two renders of a card would look the same, whatever its note says (the card reads that itself). */
function sameCard(a: Props, b: Props): boolean {
  return (
    a.cell === b.cell &&
    a.nearNotes === b.nearNotes &&
    a.canEdit === b.canEdit &&
    a.canMove === b.canMove &&
    a.canMoveAcross === b.canMoveAcross &&
    a.canRedact === b.canRedact &&
    a.canChoose === b.canChoose &&
    a.canHide === b.canHide &&
    a.showAuthors === b.showAuthors &&
    a.isExperiment === b.isExperiment &&
    a.voting === b.voting &&
    a.actionsWhenNear === b.actionsWhenNear &&
    (a.thread === b.thread || threadKey(a.thread) === threadKey(b.thread)) &&
    a.dropBefore === b.dropBefore &&
    a.dragged === b.dragged
  );
}
