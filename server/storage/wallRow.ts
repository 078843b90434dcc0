/**
 * The walls table's row as both SQL stores read it, turned into a WallRecord. The drivers differ
 * only in how an integer column arrives (better-sqlite3: a number; pg: BIGINT as a string), so
 * each store passes its own integer schema and everything else is parsed here, in one place.
 */
import { z } from 'zod';
import { StoredGroupTokenHashes, StoredWall } from '../../shared/schemas';
import type { TokenTarget, WallRecord } from './store';

/** The columns a wall record is read from, in this order. */
export const WALL_COLUMNS = 'id, title, language, token_hashes, created_at, group_token_hashes, delete_at';

export function wallRowParser(integer: z.ZodType<number, unknown>): (row: unknown) => WallRecord {
  const WallRow = z.object({
    id: z.string(),
    title: z.string(),
    language: z.string(),
    token_hashes: z.string(),
    created_at: integer,
    group_token_hashes: z.string(),
    delete_at: integer.nullable(),
  });
  return (row) => {
    const r = WallRow.parse(row);
    const base = StoredWall.parse({
      id: r.id,
      title: r.title,
      language: r.language,
      tokenHashes: JSON.parse(r.token_hashes),
      createdAt: r.created_at,
    });
    return { ...base, groupTokenHashes: StoredGroupTokenHashes.parse(JSON.parse(r.group_token_hashes)), deleteAt: r.delete_at };
  };
}

/**
 * The token columns after replacing one token hash (validated), and the hash replaced (null for a
 * new group). Both SQL stores call it inside the transaction that read `wall`.
 */
export function tokenColumnsAfter(wall: WallRecord, target: TokenTarget, hash: string) {
  const roles = { ...wall.tokenHashes };
  const groups = { ...wall.groupTokenHashes };
  let old: string | null;
  if ('role' in target) {
    old = roles[target.role];
    roles[target.role] = hash;
  } else {
    old = groups[target.groupId] ?? null;
    groups[target.groupId] = hash;
  }
  StoredWall.shape.tokenHashes.parse(roles);
  StoredGroupTokenHashes.parse(groups);
  return { tokenHashes: JSON.stringify(roles), groupTokenHashes: JSON.stringify(groups), old };
}
