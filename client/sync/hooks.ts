/**
 * Subscriptions from components to the wall, awareness and connection status. Components read
 * the Y.Doc through these on every render and never keep a copy of wall content in state.
 */
import { batch, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { useLayoutEffect, useMemo, useReducer } from 'preact/hooks';
import { AwarenessState, type AwarenessUser } from '../../shared/schemas';
import type { Wall } from '../../shared/wall';
import type { WallSession } from './session';

type Awareness = WallSession['awareness'];

function useVersion(subscribe: (bump: () => void) => () => void, deps: unknown[]): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  // A layout effect runs in the same task as the render that read the doc, so no update can
  // arrive between the read and the subscription (a plain effect runs later and can miss one).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => subscribe(() => bump(undefined)), deps);
  return version;
}

/**
 * Re-renders on every change to the wall and returns `read(wall)`, recomputed only when the
 * wall changed (the memo is a derived view keyed on the change counter, not a second copy).
 */
export function useWall<T>(wall: Wall, read: (wall: Wall) => T): T {
  const version = useVersion((bump) => wall.observe(bump), [wall]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => read(wall), [wall, version]);
}

/** Per wall: its shared reads by key, each a signal and how to read it again. */
const wallReads = new WeakMap<Wall, Map<string, { value: Signal<unknown>; read: (wall: Wall) => unknown }>>();

/**
 * `read(wall)` as a signal, shared by every caller with the same `key` (name the read and its
 * arguments in it). One subscription per wall reads every shared read again after each change
 * and sets its signal, which tells its readers only when the result changed (Object.is): for
 * the many small components of a big wall (a vote button per note), which would otherwise each
 * run a subscription after every change. Keep `read` cheap and identity-stable (the wall's
 * memoised reads are); derive per-item values from it with computed()/useComputed(), so only
 * the items whose value changed re-render.
 *
 * Plain signals set from outside, not computeds of a "wall changed" signal: a computed would pass
 * every change on to all its dependents (2,000 buttons) just to find that nothing changed.
 * A read stays for the wall's life (a few per page), read after every change.
 */
export function wallSignal<T>(wall: Wall, key: string, read: (wall: Wall) => T): ReadonlySignal<T> {
  let reads = wallReads.get(wall);
  if (!reads) {
    const all = (reads = new Map());
    wallReads.set(wall, all);
    wall.observe(() =>
      batch(() => {
        for (const r of all.values()) r.value.value = r.read(wall);
      }),
    );
  }
  let shared = reads.get(key);
  if (!shared) reads.set(key, (shared = { value: signal(read(wall)), read }));
  return shared.value as ReadonlySignal<T>;
}

export interface Peer {
  clientId: number;
  user: AwarenessUser;
  isSelf: boolean;
}

/** Everyone connected to the wall, with invalid awareness states dropped. */
export function useAwareness(awareness: Awareness): Peer[] {
  const version = useVersion(
    (bump) => {
      awareness.on('change', bump);
      return () => awareness.off('change', bump);
    },
    [awareness],
  );
  return useMemo(() => {
    const peers: Peer[] = [];
    awareness.getStates().forEach((state, clientId) => {
      const parsed = AwarenessState.safeParse(state);
      if (parsed.success) peers.push({ clientId, user: parsed.data.user, isSelf: clientId === awareness.clientID });
    });
    return peers;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [awareness, version]);
}

/** Reading the signals here subscribes the calling component to them. */
export function useStatus(session: WallSession) {
  return {
    status: session.status.value,
    pending: session.pending.value,
    closeCode: session.closeCode.value,
  };
}
