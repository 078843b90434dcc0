/**
 * What this browser remembers, in localStorage: walls it created or opened, the user's name and
 * group per wall, the last answer about each wall (so it opens offline), and the count of
 * changes waiting to be sent. Everything read back is validated: storage is outside input too.
 */
import * as z from 'zod/mini';
import { randomId } from '../shared/ids';
import { LIMITS } from '../shared/limits';
import { Language, Role, RoleRecord, WallInfo } from '../shared/schemas';

export function readLocal(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null; // private mode, storage disabled, or a value that is not JSON
  }
}

export function writeLocal(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the app still works, it just forgets on reload.
  }
}

function removeLocal(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* see writeLocal */
  }
}

// ---------------------------------------------------------------- remembered walls

const WALLS_KEY = 'pajaseina:walls';

export const KnownWall = z.object({
  id: z.string(),
  title: z.string(),
  role: Role,
  /** The link this browser opens the wall with. */
  link: z.string(),
  /** All three links, known only in the browser that created the wall. */
  links: z.optional(RoleRecord),
  /** Per-group participant links (group id → link), known only where the facilitator made them. */
  groupLinks: z.optional(z.record(z.string(), z.string())),
  language: z.optional(Language),
  lastOpened: z.number(),
});
export type KnownWall = z.infer<typeof KnownWall>;

export function listWalls(): KnownWall[] {
  const parsed = z.array(KnownWall).safeParse(readLocal(WALLS_KEY));
  return parsed.success ? parsed.data.sort((a, b) => b.lastOpened - a.lastOpened) : [];
}

export function getKnownWall(id: string): KnownWall | undefined {
  return listWalls().find((w) => w.id === id);
}

/** Adds or updates a wall; a facilitator entry is never downgraded by opening a weaker link. */
export function rememberWall(entry: Omit<KnownWall, 'lastOpened'>): void {
  const walls = listWalls();
  const old = walls.find((w) => w.id === entry.id);
  const rank = { viewer: 0, participant: 1, facilitator: 2 } as const;
  const keepOld = old && rank[old.role] > rank[entry.role];
  const merged: KnownWall = {
    ...entry,
    role: keepOld ? old.role : entry.role,
    link: keepOld ? old.link : entry.link,
    links: entry.links ?? old?.links,
    groupLinks: entry.groupLinks ?? old?.groupLinks,
    lastOpened: Date.now(),
  };
  writeLocal(WALLS_KEY, [merged, ...walls.filter((w) => w.id !== entry.id)].slice(0, 100));
}

export function forgetWall(id: string): void {
  writeLocal(
    WALLS_KEY,
    listWalls().filter((w) => w.id !== id),
  );
  for (const suffix of ['profile', 'info', 'pending', 'ownNotes']) removeLocal(`pajaseina:wall:${id}:${suffix}`);
  // Also the offline copy of the notes: on a shared computer "forget" should mean forget.
  try {
    indexedDB.deleteDatabase('pajaseina:' + id);
  } catch {
    /* IndexedDB unavailable: nothing was stored there either */
  }
}

/** Changes the remembered links of a wall (after the facilitator made a new one). */
export function updateKnownLinks(id: string, change: (wall: KnownWall) => Partial<KnownWall>): void {
  const walls = listWalls();
  const wall = walls.find((w) => w.id === id);
  if (!wall) return;
  writeLocal(WALLS_KEY, walls.map((w) => (w === wall ? { ...w, ...change(w) } : w)));
}

// ---------------------------------------------------------------- per wall

export const Profile = z.object({
  name: z.nullable(z.string().check(z.maxLength(LIMITS.displayNameMax))),
  groupId: z.nullable(z.string().check(z.maxLength(64))),
});
export type Profile = z.infer<typeof Profile>;

export function getProfile(wallId: string): Profile | null {
  const parsed = Profile.safeParse(readLocal(`pajaseina:wall:${wallId}:profile`));
  return parsed.success ? parsed.data : null;
}

export function setProfile(wallId: string, profile: Profile): void {
  writeLocal(`pajaseina:wall:${wallId}:profile`, profile);
}

const CachedInfo = z.object({ token: z.string(), info: WallInfo });

/** The last GET /api/walls/:id answer for this token, so the wall opens offline. */
export function getCachedInfo(wallId: string, token: string): WallInfo | null {
  const parsed = CachedInfo.safeParse(readLocal(`pajaseina:wall:${wallId}:info`));
  return parsed.success && parsed.data.token === token ? parsed.data.info : null;
}

export function setCachedInfo(wallId: string, token: string, info: WallInfo): void {
  writeLocal(`pajaseina:wall:${wallId}:info`, { token, info });
}

/**
 * Ids of the anonymous notes written in this browser. The notes themselves carry no author
 * identifier, so only this device knows they are its own (to edit or delete them).
 */
export function getOwnNotes(wallId: string): ReadonlySet<string> {
  const parsed = z.array(z.string().check(z.maxLength(64))).safeParse(readLocal(`pajaseina:wall:${wallId}:ownNotes`));
  return new Set(parsed.success ? parsed.data : []);
}

export function rememberOwnNote(wallId: string, noteId: string): void {
  // Bounded: a wall holds at most LIMITS.notesMax notes.
  const ids = [...getOwnNotes(wallId), noteId].slice(-LIMITS.notesMax);
  writeLocal(`pajaseina:wall:${wallId}:ownNotes`, ids);
}

export function getPending(wallId: string): number {
  const n = readLocal(`pajaseina:wall:${wallId}:pending`);
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export function setPending(wallId: string, n: number): void {
  if (n > 0) writeLocal(`pajaseina:wall:${wallId}:pending`, n);
  else removeLocal(`pajaseina:wall:${wallId}:pending`);
}

// ---------------------------------------------------------------- this browser

/** A random id per browser: marks the notes written here so their author can edit them. */
export function getAuthorId(): string {
  const key = 'pajaseina:authorId';
  const existing = readLocal(key);
  if (typeof existing === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const id = randomId();
  writeLocal(key, id);
  return id;
}

const PRESENCE_COLORS = ['#0b5cad', '#8a2be2', '#b3261e', '#1e7b34', '#a14f00', '#00696f', '#6b4e16', '#9c1f6e'];

/** The colour of this browser's dot in the presence list. */
export function getPresenceColor(): string {
  const key = 'pajaseina:presenceColor';
  const existing = readLocal(key);
  if (typeof existing === 'string' && PRESENCE_COLORS.includes(existing)) return existing;
  const color = PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)] ?? '#0b5cad';
  writeLocal(key, color);
  return color;
}

// ---------------------------------------------------------------- this tab only

const ORGANISER_KEY = 'pajaseina:organiserKey';

/** The organiser key for creating walls: kept for this tab only (sessionStorage), never longer. */
export function getOrganiserKey(): string | null {
  try {
    return sessionStorage.getItem(ORGANISER_KEY);
  } catch {
    return null;
  }
}

export function setOrganiserKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(ORGANISER_KEY, key);
    else sessionStorage.removeItem(ORGANISER_KEY);
  } catch {
    /* storage disabled: the user types the key again next time */
  }
}
