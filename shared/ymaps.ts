/** Small helpers the wall accessors share for reading and writing Y.Map entries. */
import * as Y from 'yjs';
import type * as z from '#zod';
import { byOrder } from './order';

export const clip = (s: string, max: number) => s.trim().slice(0, max);

/** A new Y.Map holding `record`'s defined fields. */
export function toYMap(record: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(record)) if (v !== undefined) m.set(k, v);
  return m;
}

/**
 * Every entry of a root map that parses with `schema`, with its key as `id`, in display order.
 * Any client can write anything into a Y.Doc, so a malformed entry is skipped, not trusted.
 */
export function readEntries<S extends z.Schema<{ order: string }>>(
  map: Y.Map<unknown>,
  schema: S,
): (z.infer<S> & { id: string })[] {
  const out: (z.infer<S> & { id: string })[] = [];
  map.forEach((value, id) => {
    const entry = readEntry(value, schema);
    if (entry) out.push({ ...entry, id });
  });
  return out.sort(byOrder);
}

export function readEntry<S extends z.Schema>(value: unknown, schema: S): z.infer<S> | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const parsed = schema.safeParse(value.toJSON());
  return parsed.success ? parsed.data : undefined;
}

/** Sets `field` to `value`, or deletes it for undefined/false-like defaults the caller names. */
export function setOrDelete(map: Y.Map<unknown>, field: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(field)) map.delete(field);
  } else if (map.get(field) !== value) {
    map.set(field, value);
  }
}
