/**
 * Subscriptions from components to the wall, awareness and connection status. Components read
 * the Y.Doc through these on every render and never keep a copy of wall content in state.
 */
import { useLayoutEffect, useMemo, useReducer, useRef } from 'preact/hooks';
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

/**
 * `read(wall)`, re-rendering only when its result changes (Object.is). For the many small
 * components of a big wall (a vote button per note), where re-rendering on every change of
 * anything would re-render thousands of them; `read` runs after every change, so keep it cheap
 * (the wall's memoised reads are).
 */
export function useWallSelect<T>(wall: Wall, read: (wall: Wall) => T): T {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const value = read(wall);
  const latest = useRef({ read, value });
  latest.current = { read, value };
  // A layout effect, as in useVersion: no change can slip in between this render and the subscription.
  useLayoutEffect(
    () =>
      wall.observe(() => {
        if (!Object.is(latest.current.read(wall), latest.current.value)) bump(undefined);
      }),
    [wall],
  );
  return value;
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
