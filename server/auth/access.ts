/**
 * Who may open a wall: the one check HTTP and WebSocket routes share. The wall's existence is
 * checked before the token, so an unknown wall is 404 whatever token came with it.
 */
import { WallId, type Role } from '../../shared/schemas';
import { notFound, unauthorized } from '../http/errors';
import type { Store, WallRecord } from '../storage/store';
import { roleFor } from './tokens';

export interface Access {
  wall: WallRecord;
  role: Role;
}

/** Resolves the access `token` grants on wall `rawId`; throws a 404 or 401 HttpError. */
export async function resolveAccess(store: Store, rawId: unknown, token: unknown): Promise<Access> {
  const id = WallId.safeParse(rawId);
  if (!id.success) throw notFound();
  const wall = await store.getWall(id.data);
  if (!wall) throw notFound();
  const role = roleFor(wall, token);
  if (!role) throw unauthorized();
  return { wall, role };
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
