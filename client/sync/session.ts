/**
 * One open wall: its Y.Doc, the WebSocket provider, the IndexedDB copy, and the connection
 * status shown in the banner. The Y.Doc is the single source of truth; components read it
 * through the hooks in hooks.ts.
 */
import { signal } from '@preact/signals';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../../shared/protocol';
import { cacheReads } from '../../shared/docReads';
import { Wall } from '../../shared/wall';
import type { AwarenessUser } from '../../shared/schemas';
import { ApiFailure, fetchWallInfo } from '../api';
import { getPending, setPending } from '../storage';
import { storeFirstSyncWhenIdle } from './firstSyncStore';
import { keepPresenceAcrossReconnects } from './presenceAcrossReconnects';
import { publishOwnPresenceOnly } from './ownPresenceOnly';
import { UnsavedWork } from './unsavedWork';
import { WallPersistence } from './wallPersistence';
import { wallSocketUrl } from './wallSocketUrl';

export type ConnectionStatus = 'online' | 'syncing' | 'offline' | 'refused';

/**
 * Close codes after which reconnecting cannot help: the link is wrong or replaced, the wall is
 * gone, or the server refused a change that this copy of the document still holds (a forbidden
 * write, a wall over its limits): reconnecting would send the same change and be closed again.
 */
const TERMINAL_CODES: ReadonlySet<number> = new Set([
  CloseCode.Unauthorized,
  CloseCode.WallNotFound,
  CloseCode.WallDeleted,
  CloseCode.Forbidden,
  CloseCode.WallFull,
]);

/** The page's components read the wall after every change: parse each entry once per change instead. */
function withCachedReads(doc: Y.Doc): Y.Doc {
  cacheReads(doc);
  return doc;
}

/** At most one access check per this interval while the socket keeps failing. */
const ACCESS_CHECK_INTERVAL_MS = 20_000;

export class WallSession {
  readonly doc = withCachedReads(new Y.Doc());
  readonly wall = new Wall(this.doc);
  readonly provider: WebsocketProvider;
  readonly persistence: WallPersistence;
  /** Resolves when the IndexedDB copy is loaded (or could not be opened). */
  readonly ready: Promise<void>;

  readonly status = signal<ConnectionStatus>('syncing');
  /** Local changes made while not synced with the server. Survives a reload. */
  readonly pending = signal(0);
  /** The close code behind the current trouble, if the server gave one. */
  readonly closeCode = signal<number | null>(null);
  /** The server's words with that close code (a refused change says which rule refused it). */
  readonly closeReason = signal('');
  /** The person's notes a refused change left unsaved (unsavedWork.ts). */
  readonly unsavedWork: UnsavedWork;

  private failedSinceSync = false;
  private stopFirstSyncStore: () => void;
  private destroyed = false;
  private lastAccessCheck = 0;

  constructor(
    readonly wallId: string,
    private readonly token: string,
  ) {
    this.pending.value = getPending(wallId);
    this.unsavedWork = new UnsavedWork(wallId, token, this.wall);
    this.persistence = new WallPersistence('pajaseina:' + wallId, this.doc);
    this.ready = Promise.race([
      this.persistence.whenSynced.then(() => undefined),
      // IndexedDB can be unavailable (some private modes) or very slow: do not block forever.
      new Promise<void>((resolve) => setTimeout(resolve, 4000)),
    ]);

    this.provider = new WebsocketProvider(wallSocketUrl(), wallId, this.doc, {
      params: { token },
      maxBackoffTime: 5000,
      shouldReconnect: (event) => !TERMINAL_CODES.has(event.code),
    });

    this.doc.on('update', this.onUpdate);
    this.stopFirstSyncStore = storeFirstSyncWhenIdle(this.doc, this.provider, this.persistence, this.onUpdate);
    keepPresenceAcrossReconnects(this.provider); // lives as long as the provider
    publishOwnPresenceOnly(this.provider);
    this.provider.on('sync', this.onSync);
    this.provider.on('status', this.refresh);
    this.provider.on('connection-close', this.onClose);
    this.provider.on('connection-error', this.onError);
    this.provider.on('closed', this.onTerminalClose);
    addEventListener('online', this.refresh);
    addEventListener('offline', this.refresh);
    addEventListener('pagehide', this.leave);
    addEventListener('pageshow', this.rejoin);
    this.refresh();
  }

  get awareness() {
    return this.provider.awareness;
  }

  private presence: AwarenessUser | null = null;

  setPresence(user: AwarenessUser): void {
    this.presence = user;
    this.awareness.setLocalStateField('user', user);
  }

  /** The HTTP API refused the token or does not know the wall: stop trying. */
  refuse(code: number): void {
    this.closeCode.value = code;
    this.provider.shouldConnect = false;
    this.provider.disconnect();
    this.status.value = 'refused';
  }

  /**
   * Drops this browser's copy of the wall (IndexedDB and the count of waiting changes). After a
   * refused change the copy still holds it; after a deletion the copy is all that is left.
   */
  async discardLocalCopy(): Promise<void> {
    this.unsavedWork.beforeCopyDropped();
    this.provider.shouldConnect = false;
    this.provider.disconnect();
    this.pending.value = 0;
    setPending(this.wallId, 0);
    try {
      await this.persistence.clearData();
    } catch {
      /* IndexedDB unavailable: there is no copy to drop */
    }
  }

  /** Safe to call more than once (the page stops a refused session, then unmounts). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unsavedWork.stop();
    removeEventListener('online', this.refresh);
    removeEventListener('offline', this.refresh);
    removeEventListener('pagehide', this.leave);
    removeEventListener('pageshow', this.rejoin);
    this.leave();
    this.stopFirstSyncStore();
    this.doc.off('update', this.onUpdate);
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }

  // Tell the others we left now, instead of them seeing us for another 30 s until the
  // awareness state times out.
  private leave = () => {
    this.awareness.setLocalState(null);
  };

  // Back from the back/forward cache: show up again.
  private rejoin = (event: PageTransitionEvent) => {
    if (event.persisted && this.presence) this.setPresence(this.presence);
  };

  // Transactions made in this tab are `local`; updates from the server, another tab or
  // IndexedDB are not, and so are never counted as waiting.
  private onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (!tr.local || this.provider.synced) return;
    this.pending.value += 1;
    setPending(this.wallId, this.pending.value);
  };

  private onSync = (synced: boolean) => {
    if (synced) {
      this.failedSinceSync = false;
      this.closeCode.value = null;
      this.closeReason.value = '';
      this.pending.value = 0;
      setPending(this.wallId, 0);
    }
    this.refresh();
  };

  private onClose = (event: CloseEvent | null) => {
    this.failedSinceSync = true;
    if (event && event.code !== 1000 && event.code !== 1006) this.closeCode.value = event.code;
    if (event?.code === 1006) this.checkAccess();
    this.refresh();
  };

  private onError = () => {
    this.failedSinceSync = true;
    this.refresh();
  };

  /**
   * The server refuses a bad token or an unknown wall with a plain HTTP 401/404 before the
   * WebSocket upgrade, which the browser reports only as close code 1006, the same as a network
   * failure. So when the socket fails, ask the HTTP API (throttled) whether we are still let in.
   */
  private checkAccess(): void {
    const now = Date.now();
    if (!navigator.onLine || now - this.lastAccessCheck < ACCESS_CHECK_INTERVAL_MS) return;
    this.lastAccessCheck = now;
    fetchWallInfo(this.wallId, this.token).then(
      () => undefined,
      (err: unknown) => {
        if (this.destroyed || !(err instanceof ApiFailure)) return;
        if (err.kind === 'unauthorized') this.refuse(CloseCode.Unauthorized);
        else if (err.kind === 'notFound') this.refuse(CloseCode.WallNotFound);
      },
    );
  }

  private onTerminalClose = (event: { code: number; reason: string }) => {
    this.closeCode.value = event.code;
    this.closeReason.value = event.reason;
    this.refresh();
    if (event.code === CloseCode.Forbidden || event.code === CloseCode.WallFull) void this.unsavedWork.findAfterRefusal();
  };

  private refresh = () => {
    if (this.destroyed) return;
    const p = this.provider;
    let next: ConnectionStatus;
    if (this.status.value === 'refused' || (this.closeCode.value !== null && TERMINAL_CODES.has(this.closeCode.value))) {
      next = 'refused';
    } else if (p.synced) {
      next = 'online';
    } else if (p.wsconnected || (!this.failedSinceSync && navigator.onLine)) {
      // Connected and exchanging state, or still on the first attempt: not yet "offline".
      next = 'syncing';
    } else {
      next = 'offline';
    }
    this.status.value = next;
  };
}
