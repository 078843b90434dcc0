/**
 * Everyone else's presence shown again right after a reconnect, not at their next renewal.
 *
 * When its socket closes, y-websocket's provider drops every other person's presence but keeps
 * their clocks (y-protocols' removeAwarenessStates bumps them). On the next connection the
 * server sends the current states at the clocks their owners last published, which are then not
 * newer, so nobody else would be shown until they renew (every 15 s, and a renewal at the bumped
 * clock is ignored too). Forgetting the clocks of presences no longer shown, as the new socket
 * opens, lets those states count. The server side of the same problem, this person's own state
 * at its old clock, is answered by the server's awareness guard.
 */
import type { WebsocketProvider } from 'y-websocket';

export function keepPresenceAcrossReconnects(provider: WebsocketProvider): () => void {
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    const { meta, states, clientID } = provider.awareness;
    for (const id of [...meta.keys()]) if (id !== clientID && !states.has(id)) meta.delete(id);
  };
  provider.on('status', onStatus);
  return () => provider.off('status', onStatus);
}
