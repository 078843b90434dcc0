/**
 * The client publishes its own presence only.
 *
 * y-websocket's provider sends every awareness change it applies back to the server, other
 * people's included (its handler does not look at whose state changed): each presence the server
 * relays comes back from every other client, which the server then drops (the awareness guard).
 * In a workshop of 30 that is 29 useless frames for every renewal, on every phone's connection.
 * Here the provider's handler is given only this client's own id: its own changes, and the
 * clock bump y-protocols makes when the server says its state was removed.
 */
import type { WebsocketProvider } from 'y-websocket';

type AwarenessHandler = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;

export function publishOwnPresenceOnly(provider: WebsocketProvider): void {
  const p = provider as unknown as { _awarenessUpdateHandler?: AwarenessHandler };
  const stock = p._awarenessUpdateHandler;
  if (typeof stock !== 'function') return; // another y-websocket: leave it as it is
  const { awareness } = provider;
  const own: AwarenessHandler = ({ added, updated, removed }, origin) => {
    const id = awareness.clientID;
    if (added.includes(id) || updated.includes(id) || removed.includes(id)) stock({ added: [], updated: [id], removed: [] }, origin);
  };
  awareness.off('update', stock);
  awareness.on('update', own);
  p._awarenessUpdateHandler = own; // provider.destroy() takes off whatever is here
}
