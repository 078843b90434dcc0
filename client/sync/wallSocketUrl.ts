/** The WebSocket address of the wall server: the page's own origin (http → ws, https → wss) and the sync path. */
import { WS_PATH } from '../../shared/protocol';

export function wallSocketUrl(): string {
  return location.origin.replace(/^http/, 'ws') + WS_PATH;
}
