/**
 * What happened after the workshops: updates the facilitator posts, shown to everyone.
 *
 *   followups  Y.Map  followupId → Y.Map { text, url?, createdAt, order }
 */
import * as Y from 'yjs';
import { LIMITS } from './limits';
import { randomId } from './ids';
import { safeUrl } from './mirror';
import { keyAt } from './order';
import { FollowupRecord } from './schemas';
import { clip, readEntries, toYMap } from './ymaps';

export interface Followup {
  id: string;
  text: string;
  url?: string;
  createdAt: number;
  order: string;
}

export class Followups {
  constructor(readonly map: Y.Map<Y.Map<unknown>>) {}

  all(): Followup[] {
    return readEntries(this.map as Y.Map<unknown>, FollowupRecord);
  }

  add(text: string, url?: string, now: number = Date.now()): string | undefined {
    const clipped = clip(text, LIMITS.mirrorTextMax);
    if (!clipped || this.map.size >= LIMITS.mirrorMax) return undefined;
    const all = this.all();
    const id = randomId();
    this.map.set(id, toYMap({ text: clipped, url: safeUrl(url), createdAt: now, order: keyAt(all, all.length) }));
    return id;
  }

  restore(item: Followup): void {
    const { id, ...record } = item;
    this.map.set(id, toYMap({ ...record }));
  }

  remove(id: string): void {
    this.map.delete(id);
  }
}
