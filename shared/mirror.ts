/**
 * Mirror material: what the facilitator pins to a task for the groups to reflect on — a quote
 * or story from an interview, client feedback, a figure, a link to a video or document.
 *
 *   mirror  Y.Map  itemId → Y.Map { taskId, kind, text, url?, order }
 */
import * as Y from 'yjs';
import { LIMITS } from './limits';
import { randomId } from './ids';
import { keyAt } from './order';
import { MirrorRecord, SafeUrl, type MirrorKind } from './schemas';
import { clip, readEntries, setOrDelete, toYMap } from './ymaps';

export interface MirrorItem {
  id: string;
  taskId: string;
  kind: MirrorKind;
  text: string;
  url?: string;
  order: string;
}

export interface NewMirrorItem {
  taskId: string;
  kind: MirrorKind;
  text: string;
  url?: string;
}

/** A valid http(s) address, or undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  return trimmed && SafeUrl.safeParse(trimmed).success ? trimmed : undefined;
}

export class Mirror {
  constructor(readonly map: Y.Map<Y.Map<unknown>>) {}

  all(): MirrorItem[] {
    return readEntries(this.map as Y.Map<unknown>, MirrorRecord);
  }

  inTask(taskId: string): MirrorItem[] {
    return this.all().filter((m) => m.taskId === taskId);
  }

  add(input: NewMirrorItem): string | undefined {
    const text = clip(input.text, LIMITS.mirrorTextMax);
    const url = safeUrl(input.url);
    if ((!text && !url) || this.map.size >= LIMITS.mirrorMax) return undefined;
    const siblings = this.inTask(input.taskId);
    const id = randomId();
    this.map.set(id, toYMap({ taskId: input.taskId, kind: input.kind, text, url, order: keyAt(siblings, siblings.length) }));
    return id;
  }

  update(id: string, changes: { kind?: MirrorKind; text?: string; url?: string }): void {
    const value = this.map.get(id);
    if (!(value instanceof Y.Map)) return;
    value.doc!.transact(() => {
      if (changes.kind !== undefined) value.set('kind', changes.kind);
      if (changes.text !== undefined) value.set('text', clip(changes.text, LIMITS.mirrorTextMax));
      if (changes.url !== undefined) setOrDelete(value, 'url', safeUrl(changes.url));
    });
  }

  move(id: string, index: number): void {
    const value = this.map.get(id);
    const item = this.all().find((m) => m.id === id);
    if (!(value instanceof Y.Map) || !item) return;
    value.set('order', keyAt(this.inTask(item.taskId).filter((m) => m.id !== id), index));
  }

  remove(id: string): MirrorItem | undefined {
    const item = this.all().find((m) => m.id === id);
    if (item) this.map.delete(id);
    return item;
  }

  restore(item: MirrorItem): void {
    const { id, ...record } = item;
    this.map.set(id, toYMap({ ...record }));
  }
}
