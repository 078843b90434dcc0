/**
 * Subscriptions from components to the wall, awareness and connection status. Components read
 * the Y.Doc through these on every render and never keep a copy of wall content in state.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
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

/** Per wall: a signal that moves on after every change to it, from one subscription. */
const versions = new WeakMap<Wall, Signal<number>>();
/** Per wall: the computed reads by key, so every component showing a read shares one. */
const computeds = new WeakMap<Wall, Map<string, ReadonlySignal<unknown>>>();

/**
 * `read(wall)` as a computed signal, shared by every caller with the same `key` (name the read
 * and its arguments in it). After every change to the wall it is read again, and tells its
 * readers only when the result changed (Object.is): for the many small components of a big wall
 * (a vote button per note), which would each re-render or each run a subscription after every
 * change. Keep `read` cheap and identity-stable (the wall's memoised reads are); derive per-item
 * values from it with computed()/useComputed(), so only the items whose value changed re-render.
 *
 * The wall stays subscribed for as long as it lives: one listener however many reads there are.
 */
export function wallComputed<T>(wall: Wall, key: string, read: (wall: Wall) => T): ReadonlySignal<T> {
  let version = versions.get(wall);
  if (!version) {
    const v = (version = signal(0));
    versions.set(wall, v);
    wall.observe(() => (v.value = v.peek() + 1));
  }
  let byKey = computeds.get(wall);
  if (!byKey) computeds.set(wall, (byKey = new Map()));
  let read$ = byKey.get(key) as ReadonlySignal<T> | undefined;
  if (!read$) {
    const v = version;
    read$ = computed(() => {
      v.value;
      return read(wall);
    });
    byKey.set(key, read$);
  }
  return read$;
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
