/**
 * The common shape of "tell a screen-reader user what others did": after the first sync with the
 * server (everything before it is the initial load, not news), each transaction from elsewhere is
 * compared with the state before it; what changed is collected for REMOTE_SUMMARY_DELAY_MS and
 * then announced once, in the polite live region, keeping only the task the page shows when the
 * burst is told. This tab's own transactions update the known state but are never announced:
 * they are announced where they were made.
 */
import type * as Y from 'yjs';
import { announce } from '../announce';
import type { WallSession } from './session';

/** How long arriving changes are collected before one summary is announced. */
export const REMOTE_SUMMARY_DELAY_MS = 2000;

export interface BurstSource<State, Change extends { taskId: string | null }> {
  /** What the page knows now (notes' states, ids of comments…). */
  read(): State;
  /** What changed between two reads. */
  diff(before: State, now: State): Change[];
  /**
   * Optional, for a big wall: brings `known` up to date with one transaction in place, looking
   * only at what it touched, and returns the changes; undefined when it cannot (then read and
   * diff everything).
   */
  advance?(known: State, tr: Y.Transaction): Change[] | undefined;
  /** The task the page shows, read when a burst is told, so a change of view in between counts. */
  shownTaskId(): string | null;
  /** One sentence for the burst's changes in the shown task, or null for nothing to say. */
  summarise(changes: Change[]): string | null;
}

/** Starts announcing; returns the stop function. */
export function announceBursts<State, Change extends { taskId: string | null }>(session: WallSession, source: BurstSource<State, Change>): () => void {
  const { doc, provider } = session;
  let known: State | null = null;
  let collected: Change[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = () => {
    if (known === null) known = source.read();
  };
  if (provider.synced) start();
  const onSync = (synced: boolean) => {
    if (synced) start();
  };

  const flush = () => {
    timer = undefined;
    const taskId = source.shownTaskId();
    const message = source.summarise(collected.filter((c) => c.taskId === taskId));
    collected = [];
    if (message) announce(message);
  };

  const onAfterTransaction = (tr: Y.Transaction) => {
    if (known === null) return;
    let changes = source.advance?.(known, tr);
    if (changes === undefined) {
      const now = source.read();
      changes = source.diff(known, now);
      known = now;
    }
    if (tr.local || changes.length === 0) return;
    collected.push(...changes);
    if (timer === undefined) timer = setTimeout(flush, REMOTE_SUMMARY_DELAY_MS);
  };

  provider.on('sync', onSync);
  doc.on('afterTransaction', onAfterTransaction);
  return () => {
    clearTimeout(timer);
    provider.off('sync', onSync);
    doc.off('afterTransaction', onAfterTransaction);
  };
}
