/**
 * The person's notes a refused change left unsaved, and the work of finding them: after the
 * server refused a change (the facilitator locked the task just before the note arrived), ask
 * the server for its copy, list the person's notes it lacks (unsavedNotes.ts) and carry the list
 * over the reload that drops this page's copy of the wall (carriedNotes.ts). The session owns the
 * connection and tells this when a change was refused and before it drops its copy.
 */
import { signal } from '@preact/signals';
import type * as Y from 'yjs';
import { Wall } from '../../shared/wall';
import { getAuthorId, getOwnNotes } from '../storage';
import { readCarried, writeCarried } from './carriedNotes';
import { mergeUnsaved, ownNotes, unsavedNotes, type UnsavedNote } from './unsavedNotes';

export type UnsavedCheck = 'none' | 'checking' | 'done' | 'failed';

export class UnsavedWork {
  /** The notes shown until dismissed; carried over the reload. */
  readonly notes = signal<readonly UnsavedNote[]>([]);
  /** Asking the server which notes it has: 'failed' lists all the person's notes instead. */
  readonly check = signal<UnsavedCheck>('none');

  private stopped = false;

  constructor(
    private readonly wallId: string,
    private readonly token: string,
    /** The page's copy of the wall, which still holds the refused change. */
    private readonly wall: Wall,
  ) {
    this.notes.value = readCarried(wallId);
  }

  /** Replaces the list here and in the tab's storage (empty: dismissed, or all saved again). */
  keep(notes: readonly UnsavedNote[]): void {
    this.notes.value = notes;
    writeCarried(this.wallId, notes);
  }

  /**
   * After a refused change, compares the page's copy with the server's own (on a connection of
   * its own) to list the person's notes the server lacks, before the reload throws the copy away.
   */
  async findAfterRefusal(): Promise<void> {
    if (this.check.value === 'checking') return;
    // Nothing of the person's on this wall (the refused change was a vote, a title…): nothing to lose.
    const isMine = this.mine();
    if (ownNotes(this.wall, isMine).length === 0) {
      this.check.value = 'done';
      return;
    }
    this.check.value = 'checking';
    const copy = await loadServerCopy(this.wallId, this.token);
    if (this.stopped) {
      copy?.destroy();
      return;
    }
    const found = copy ? unsavedNotes(this.wall, new Wall(copy), isMine) : ownNotes(this.wall, isMine);
    copy?.destroy();
    this.keep(mergeUnsaved(this.notes.value, found));
    this.check.value = copy ? 'done' : 'failed';
  }

  /** The page's copy is about to go. Still asking the server: carry every note of the person's, the reloaded wall drops the saved ones. */
  beforeCopyDropped(): void {
    if (this.check.value === 'checking') this.keep(mergeUnsaved(this.notes.value, ownNotes(this.wall, this.mine())));
  }

  /** The page's copy of the wall is destroyed: a server copy still on its way is thrown away. */
  stop(): void {
    this.stopped = true;
  }

  /** Written on this device: by its author id, or an anonymous note this device remembers. Read storage once per use. */
  private mine(): (note: { id: string; authorId: string | null }) => boolean {
    const authorId = getAuthorId();
    const anonymous = getOwnNotes(this.wallId);
    return (note) => note.authorId === authorId || anonymous.has(note.id);
  }
}

/**
 * The server's copy on a connection of its own (serverCopy.ts), whose code is loaded only after
 * a refusal: most pages never need it. A chunk that cannot load (a new version deployed
 * meanwhile) is treated like a copy that did not arrive.
 */
async function loadServerCopy(wallId: string, token: string): Promise<Y.Doc | null> {
  try {
    const { fetchServerCopy } = await import('./serverCopy');
    return await fetchServerCopy(wallId, token);
  } catch {
    return null;
  }
}
