/**
 * Which of a column's notes show their action buttons. On a 2,000-note wall the buttons (choose,
 * hide, edit, move, delete, vote) were six of every ten elements and most of the time it took to
 * build the page. So in a long column (NEAR_ONLY_FROM notes or more) a card renders them once its
 * note is near the screen or gets the focus, and keeps them from then on. Every note's text is in the page from the start (find-in-page and
 * screen readers reach it); a note's buttons are there by the time the keyboard can reach them,
 * because focusing the note (Tab, or the script after a move or a deletion) shows them at once.
 *
 * "Near the screen" is the browser's own judgement: each note item has `content-visibility: auto`
 * (styles/notes-perf.css), and the browser tells each one when it starts being relevant to the
 * user (close to the viewport, focused, or found by find-in-page).
 */

/** Fired on an element with content-visibility: auto (not in every TypeScript DOM library yet). */
type ContentVisibilityEvent = Event & { skipped?: boolean };

const noteIdIn = (target: EventTarget | null): string | undefined => {
  if (!(target instanceof Element)) return undefined;
  // The event's target is the note's item (li); focus lands on the note or inside it.
  const article = target.closest<HTMLElement>('[data-note-id]') ?? target.querySelector<HTMLElement>(':scope > [data-note-id]');
  return article?.dataset.noteId;
};

/**
 * Whether this browser tells when a note comes near (Chromium 123+, Firefox 130+, Safari 18+).
 * Where it does not, every card shows its buttons from the start, as all did before.
 */
export const NEAR_NOTES_KNOWN = typeof window !== 'undefined' && 'ContentVisibilityAutoStateChangeEvent' in window;

/**
 * From this many notes in a column on, its cards build their buttons only when near. A shorter
 * column shows every card's buttons at once: the saving would be small, and a button stays where
 * a script or a test expects it however far down the page its note is.
 */
export const NEAR_ONLY_FROM = 100;

export class NearNotes {
  private readonly cards = new Map<string, () => void>();

  /** A card's way to hear that its note came near; returns the stop function. */
  watch(noteId: string, onNear: () => void): () => void {
    this.cards.set(noteId, onNear);
    return () => {
      if (this.cards.get(noteId) === onNear) this.cards.delete(noteId);
    };
  }

  /** Listens on `root` (the column); returns the stop function. */
  listen(root: HTMLElement): () => void {
    const onVisibility = (e: ContentVisibilityEvent) => {
      if (e.skipped === false) this.show(noteIdIn(e.target));
    };
    const onFocus = (e: FocusEvent) => this.show(noteIdIn(e.target));
    // The visibility event does not bubble: a capturing listener on the column still hears it.
    root.addEventListener('contentvisibilityautostatechange', onVisibility, true);
    root.addEventListener('focusin', onFocus);
    return () => {
      root.removeEventListener('contentvisibilityautostatechange', onVisibility, true);
      root.removeEventListener('focusin', onFocus);
    };
  }

  private show(noteId: string | undefined): void {
    if (noteId) this.cards.get(noteId)?.();
  }
}
