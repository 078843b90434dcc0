/**
 * What a raw Yjs update would touch if applied to `doc`, worked out before it is stored.
 *
 * Every inserted struct and every deleted range is attributed to a place in the wall: a root
 * map and the chain of map keys below it (notes → noteId → field). An update carries its
 * parent explicitly only when it has no neighbours; otherwise Yjs copies the parent from the
 * left (origin) or right neighbour at integration time, so this module does the same, looking
 * neighbours and parents up in the doc and in the update itself. What cannot be placed (missing
 * dependencies, cycles, a parent that is no type) is reported as unattributable; the caller
 * refuses it. Writes that Yjs would turn into garbage (the neighbour or parent is already
 * collected, the parent is deleted) have no effect and are skipped: an honest offline client
 * editing a note someone deleted sends exactly that.
 */
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC | Y.Skip;

/** One step from a root map down: the key (null for an array position) and the item holding it. */
interface Link {
  key: string | null;
  id: Y.ID;
  /** Found in the doc and already deleted there. */
  deleted: boolean;
}
interface Place {
  root: string;
  chain: Link[];
}
type Resolved = Place | 'none' | 'unknown';

/** What an update does to one entry of a root map (a note, a vote, a task…). */
export interface EntryTouch {
  /** The entry's key in its root map (null: placed in a list position, which no wall has). */
  key: string | null;
  /** The entry's fields in the doc now; undefined for an entry this update makes. */
  current: Record<string, unknown> | undefined;
  /** Every value this update writes into each field. */
  written: Map<string, unknown[]>;
  /** Fields whose present value this update deletes (also when it overwrites them). */
  deletedFields: Set<string>;
  /** The entry itself is deleted (removed, or replaced by a new entry under its key). */
  removed: boolean;
  /** The update writes below the entry's own fields (nested types): no wall entry has them. */
  nested: boolean;
}

export interface UpdateScope {
  /** Something could not be placed in the wall: refuse. */
  unattributable: boolean;
  /** Roots inserted into or deleted from (after skipping what has no effect). */
  roots: Set<string>;
  /** Roots one of whose direct children is not a Y.Map under a key (only `control` is a flat map). */
  irregular: Set<string>;
  /** Entries touched (inserted, replaced, written into or deleted), per root, by the entry item's id. */
  entries: Map<string, Map<string, EntryTouch>>;
  /** Keys this update adds to each root that hold no live entry now. */
  newKeys: Map<string, Set<string>>;
  /** Length of the longest string written anywhere. */
  longestString: number;
  /** Does the update add structs the doc lacks (content, or collected ranges that fill clocks)? */
  inserts: boolean;
  /** Does it delete anything live? With neither, applying it changes nothing. */
  deletes: boolean;
  /** Does it embed a sub-document? No wall has them; the server would load and hold them. */
  subdocs: boolean;
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/** Finds the struct containing `clock` in a clock-sorted list, or undefined. */
function findIn(structs: readonly Struct[], clock: number): Struct | undefined {
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export function analyseUpdate(doc: Y.Doc, update: Uint8Array): UpdateScope {
  return new Analyser(doc, update).run();
}

class Analyser {
  private readonly structs: Struct[];
  private readonly ds: ReturnType<typeof Y.decodeUpdate>['ds'];
  private readonly own = new Map<number, Struct[]>();
  private readonly memo = new Map<Struct, Resolved>();
  private readonly visiting = new Set<Struct>();
  private readonly scope: UpdateScope = {
    unattributable: false,
    roots: new Set(),
    irregular: new Set(),
    entries: new Map(),
    newKeys: new Map(),
    longestString: 0,
    inserts: false,
    deletes: false,
    subdocs: false,
  };

  constructor(
    private readonly doc: Y.Doc,
    update: Uint8Array,
  ) {
    const decoded = Y.decodeUpdate(update);
    this.structs = decoded.structs;
    this.ds = decoded.ds;
    for (const s of this.structs) {
      const list = this.own.get(s.id.client) ?? [];
      list.push(s);
      this.own.set(s.id.client, list);
    }
    for (const list of this.own.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  run(): UpdateScope {
    for (const s of this.structs) {
      if (s instanceof Y.Skip) continue;
      if (s.id.clock + s.length <= Y.getState(this.doc.store, s.id.client)) continue; // already applied
      // A GC struct places nothing, but it advances its client's clock: later updates build on it.
      this.scope.inserts = true;
      if (!(s instanceof Y.Item)) continue;
      if (s.content instanceof Y.ContentDoc) this.scope.subdocs = true;
      const place = this.placeOf(s);
      if (place === 'unknown') this.scope.unattributable = true;
      else if (place !== 'none') this.recordWrite(place, s);
    }
    for (const [client, ranges] of this.ds.clients) {
      for (const { clock, len } of ranges) this.recordDeletion(client, clock, len);
    }
    return this.scope;
  }

  // ------------------------------------------------------------ lookups

  /** The struct holding `id`, in the doc first, else in the update. */
  private lookup(id: Y.ID): Struct | undefined {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      return findIn(this.doc.store.clients.get(id.client)!, id.clock);
    }
    return findIn(this.own.get(id.client) ?? [], id.clock);
  }

  private inDoc(s: Struct): boolean {
    return s.id.clock < Y.getState(this.doc.store, s.id.client);
  }

  /** Where an item sits: its container plus its own link. */
  private placeOf(item: Y.Item): Resolved {
    if (this.memo.has(item)) return this.memo.get(item)!;
    if (this.visiting.has(item)) return 'unknown'; // a crafted cycle of origins or parents
    this.visiting.add(item);
    const container = this.inDoc(item) ? this.docContainer(item) : this.updateContainer(item);
    this.visiting.delete(item);
    let result: Resolved = container;
    if (typeof container !== 'string') {
      const deleted = this.inDoc(item) && item.deleted;
      result = { root: container.root, chain: [...container.chain, { key: item.parentSub, id: item.id, deleted }] };
    }
    this.memo.set(item, result);
    return result;
  }

  private docContainer(item: Y.Item): Resolved {
    const parent = item.parent as Y.AbstractType<unknown> | null;
    if (!(parent instanceof Y.AbstractType)) return 'unknown';
    if (parent._item === null) {
      for (const [name, type] of this.doc.share) if (type === parent) return { root: name, chain: [] };
      return 'unknown';
    }
    return this.placeOf(parent._item);
  }

  /** Mirrors Item.getMissing: explicit parent, else the left neighbour's, else the right's. */
  private updateContainer(item: Y.Item): Resolved {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { root: parent, chain: [] };
    if (parent instanceof Y.ID) return this.typeAt(parent);
    const left = item.origin ? this.lookup(item.origin) : null;
    const right = item.rightOrigin ? this.lookup(item.rightOrigin) : null;
    if (left === undefined || right === undefined) return 'unknown';
    if (left instanceof Y.GC || right instanceof Y.GC) return 'none';
    const neighbour = left ?? right;
    if (!(neighbour instanceof Y.Item)) return 'unknown';
    const place = this.placeOf(neighbour);
    if (typeof place === 'string') return place;
    // The item takes the neighbour's parent and key: drop the neighbour's own link.
    const container = { root: place.root, chain: place.chain.slice(0, -1) };
    if (item.parentSub === null) item.parentSub = neighbour.parentSub; // what integration will do
    return container.chain.some((l) => l.deleted) ? 'none' : container;
  }

  /** The type held by the item `id` (a parent reference). */
  private typeAt(id: Y.ID): Resolved {
    const holder = this.lookup(id);
    if (holder === undefined || holder instanceof Y.Skip) return 'unknown';
    if (holder instanceof Y.GC) return 'none';
    if (holder.content instanceof Y.ContentDeleted) return 'none';
    if (!(holder.content instanceof Y.ContentType)) return 'unknown';
    const place = this.placeOf(holder);
    if (typeof place === 'string') return place;
    return place.chain.some((l) => l.deleted) ? 'none' : place;
  }

  // ------------------------------------------------------------ recording

  private recordWrite(place: Place, item: Y.Item): void {
    const { root, chain } = place;
    this.scope.roots.add(root);
    this.scope.longestString = Math.max(this.scope.longestString, longestString(item.content));
    const top = chain[0]!;
    const entry = this.entry(root, top.id, top.key);
    if (chain.length === 1) {
      const isMap = item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
      if (top.key === null || !isMap) this.scope.irregular.add(root);
      // Setting a key replaces whatever entry lives there now: that entry is touched too.
      if (top.key !== null) {
        const existing = this.liveEntry(root, top.key);
        if (existing) this.entry(root, existing.id, top.key).removed = true;
        else this.newKeysOf(root).add(top.key);
      }
    } else if (chain.length === 2 && chain[1]!.key !== null) {
      const field = chain[1]!.key;
      const values = entry.written.get(field) ?? [];
      values.push(...item.content.getContent());
      entry.written.set(field, values);
    } else {
      entry.nested = true;
    }
  }

  private recordDeletion(client: number, clock: number, len: number): void {
    const end = clock + len;
    const docState = Y.getState(this.doc.store, client);
    // The part the doc holds: already-deleted and collected structs change nothing.
    if (clock < docState) {
      const structs = this.doc.store.clients.get(client)!;
      let i = Y.findIndexSS(structs, clock);
      for (; i < structs.length && structs[i]!.id.clock < Math.min(end, docState); i++) {
        const s = structs[i]!;
        if (s instanceof Y.Item && !s.deleted) this.recordDeletedItem(s);
      }
    }
    // The part beyond the doc must be something this same update inserts.
    for (let c = Math.max(clock, docState); c < end; ) {
      const s = findIn(this.own.get(client) ?? [], c);
      if (!s || s instanceof Y.Skip) {
        this.scope.unattributable = true;
        return;
      }
      if (s instanceof Y.Item) this.recordDeletedItem(s);
      c = s.id.clock + s.length;
    }
  }

  private recordDeletedItem(item: Y.Item): void {
    this.scope.deletes = true;
    const place = this.placeOf(item);
    if (place === 'unknown') this.scope.unattributable = true;
    if (typeof place === 'string') return;
    this.scope.roots.add(place.root);
    const top = place.chain[0]!;
    if (top.key === null) this.scope.irregular.add(place.root);
    const entry = this.entry(place.root, top.id, top.key);
    if (place.chain.length === 1) entry.removed = true;
    else if (place.chain.length === 2 && place.chain[1]!.key !== null) entry.deletedFields.add(place.chain[1]!.key);
    else entry.nested = true;
  }

  /** The touch record of the entry held by item `id` in `root`, made on first use. */
  private entry(root: string, id: Y.ID, key: string | null): EntryTouch {
    let touches = this.scope.entries.get(root);
    if (!touches) this.scope.entries.set(root, (touches = new Map()));
    const k = idKey(id);
    let touch = touches.get(k);
    if (!touch) {
      const holder = this.lookup(id);
      const live = holder instanceof Y.Item && this.inDoc(holder) && !holder.deleted;
      const type = live && holder.content instanceof Y.ContentType ? holder.content.type : null;
      const current = type instanceof Y.Map ? (type.toJSON() as Record<string, unknown>) : undefined;
      touch = { key, current, written: new Map(), deletedFields: new Set(), removed: false, nested: false };
      touches.set(k, touch);
    }
    return touch;
  }

  private newKeysOf(root: string): Set<string> {
    let keys = this.scope.newKeys.get(root);
    if (!keys) this.scope.newKeys.set(root, (keys = new Set()));
    return keys;
  }

  /** The live item under `key` in root map `root` of the doc, if any. */
  private liveEntry(root: string, key: string): Y.Item | undefined {
    const type = this.doc.share.get(root);
    const item = type?._map.get(key);
    return item && !item.deleted ? item : undefined;
  }
}

function longestString(content: Y.Item['content']): number {
  if (content instanceof Y.ContentString) return content.str.length;
  if (content instanceof Y.ContentBinary) return content.content.byteLength;
  let longest = 0;
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    for (const v of content.getContent()) {
      const n = typeof v === 'string' ? v.length : v !== null && typeof v === 'object' ? JSON.stringify(v).length : 0;
      longest = Math.max(longest, n);
    }
  }
  return longest;
}
