/**
 * Memoised reads of a Y.Doc, for the browser. The typed accessors (Wall, Process) parse every
 * entry with zod on each read; on a 2,000-note wall many components read after every change, so
 * the parsed results are kept until a transaction changes what they were read from.
 *
 * Opt-in per doc (`cacheReads`): the client turns it on for its session's doc. Elsewhere (the
 * server reads a wall now and then, and keeps many walls loaded) every read parses afresh, as
 * before, and holds no memory.
 *
 * A cached value is used only while the doc is settled: no transaction is open or waiting for
 * its observers. Each transaction's changes are known at 'beforeObserverCalls', before any
 * observer or 'afterTransaction' listener can read, and that is where the roots it touched get a
 * new version and the entries it touched are forgotten.
 */
import type * as Y from 'yjs';

// Any shared type, whatever its events.
type AnyType = Y.AbstractType<any>;
/** The parts of a Yjs item this needs (the typings do not export Item's fields precisely). */
interface ItemLink {
  parent: unknown;
  parentSub: string | null;
}

class DocReads {
  private pending = 0;
  private readonly versions = new Map<AnyType, number>();
  /** Per root, the entries its last version step changed (null: not known). */
  private readonly lastChanged = new Map<AnyType, ReadonlySet<string> | null>();
  private readonly memos = new Map<string, { stamp: number[]; value: unknown }>();
  private readonly entries = new Map<AnyType, Map<string, { variant: string; value: unknown }>>();

  constructor(private readonly doc: Y.Doc) {
    doc.on('beforeTransaction', () => {
      this.pending++;
    });
    doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
      this.pending = Math.max(0, this.pending - 1);
      this.forget(tr);
    });
  }

  settled(): boolean {
    return this.pending === 0 && this.doc._transaction === null;
  }

  memo<T>(key: string, roots: readonly AnyType[], compute: () => T, patch?: Patch<T>): T {
    if (!this.settled()) return compute();
    const stamp = roots.map((r) => this.versions.get(r) ?? 0);
    const hit = this.memos.get(key);
    if (hit && hit.stamp.every((v, i) => v === stamp[i])) return hit.value as T;
    // Only the first root moved on, by one step whose entries are known: patch the value from before.
    const changed = hit && patch && stamp[0] === hit.stamp[0]! + 1 && stamp.every((v, i) => i === 0 || v === hit.stamp[i]) ? this.lastChanged.get(roots[0]!) : null;
    const patched = changed ? patch!(hit!.value as T, changed) : undefined;
    const value = freeze(patched === undefined ? compute() : patched);
    this.memos.set(key, { stamp, value });
    return value;
  }

  entry<T>(root: AnyType, id: string, variant: string, compute: () => T): T {
    if (!this.settled()) return compute();
    let byId = this.entries.get(root);
    if (!byId) this.entries.set(root, (byId = new Map()));
    const hit = byId.get(id);
    if (hit && hit.variant === variant) return hit.value as T;
    const value = compute();
    byId.set(id, { variant, value });
    return value;
  }

  /** One version step per root a transaction changed, however many of its entries. */
  private forget(tr: Y.Transaction): void {
    const byRoot = new Map<AnyType, Set<string | null>>();
    for (const [type, keys] of tr.changed) {
      const { root, key } = rootEntryOf(type);
      let all = byRoot.get(root);
      if (!all) byRoot.set(root, (all = new Set()));
      if (root === type) for (const k of keys) all.add(k);
      else all.add(key);
    }
    for (const [root, keys] of byRoot) this.bump(root, keys);
  }

  private bump(root: AnyType, keys: Set<string | null>): void {
    this.versions.set(root, (this.versions.get(root) ?? 0) + 1);
    // A change without a key (inside an array) cannot be placed: forget the whole root.
    const placed = !keys.has(null);
    this.lastChanged.set(root, placed ? (keys as Set<string>) : null);
    const byId = this.entries.get(root);
    if (!byId) return;
    if (!placed) return byId.clear();
    for (const key of keys) byId.delete(key as string);
  }
}

/** The root `type` is in, and the root's entry that holds it (null: `type` is a root, or inside an array). */
function rootEntryOf(type: AnyType): { root: AnyType; key: string | null } {
  let root = type;
  let key: string | null = null;
  let link = root._item as unknown as ItemLink | null;
  while (link) {
    key = link.parentSub;
    root = link.parent as AnyType;
    link = root._item as unknown as ItemLink | null;
  }
  return { root, key };
}

/**
 * The keys of `root`'s entries that a finished transaction changed (added, changed inside,
 * deleted), or null when a change in it cannot be placed on an entry. For code that follows a
 * big map change by change (an announcer on a 2,000-note wall) instead of diffing all of it.
 */
export function changedEntries(tr: Y.Transaction, root: AnyType): Set<string> | null {
  const keys = new Set<string>();
  for (const [type, changed] of tr.changed) {
    const at = rootEntryOf(type);
    if (at.root !== root) continue;
    for (const key of type === root ? changed : [at.key]) {
      if (key === null) return null;
      keys.add(key);
    }
  }
  return keys;
}

/** Whether a finished transaction changed anything in one of `roots` (or in what they hold). */
export function changedAny(tr: Y.Transaction, roots: readonly AnyType[]): boolean {
  return roots.some((root) => tr.changedParentTypes.has(root));
}

/**
 * Brings a memoised value up to date from the value before and the entries of the first root
 * that one transaction changed; undefined when it cannot (then the value is computed afresh).
 */
export type Patch<T> = (before: T, changed: ReadonlySet<string>) => T | undefined;

/** Cached arrays are shared by every reader: one that sorted it in place would corrupt the rest. */
function freeze<T>(value: T): T {
  return Array.isArray(value) ? (Object.freeze(value) as T) : value;
}

const readsByDoc = new WeakMap<Y.Doc, DocReads>();

/** Turns on memoised reads for `doc` (idempotent). */
export function cacheReads(doc: Y.Doc): void {
  if (!readsByDoc.has(doc)) readsByDoc.set(doc, new DocReads(doc));
}

/**
 * `compute()`, or its value from before if none of `roots` changed since, or that value patched
 * when only `roots[0]` changed, in one transaction since (`patch`, optional). `key` names the
 * read (with any arguments in it). Arrays come back frozen when cached.
 */
export function memoRead<T>(doc: Y.Doc | null, key: string, roots: readonly AnyType[], compute: () => T, patch?: Patch<T>): T {
  const reads = doc && readsByDoc.get(doc);
  return reads ? reads.memo(key, roots, compute, patch) : compute();
}

/**
 * One entry of a root map read through `compute()`, kept until that entry changes. `variant`
 * names anything else the result depends on (a different variant computes afresh).
 */
export function entryRead<T>(root: AnyType, id: string, variant: string, compute: () => T): T {
  const reads = root.doc && readsByDoc.get(root.doc);
  return reads ? reads.entry(root, id, variant, compute) : compute();
}
