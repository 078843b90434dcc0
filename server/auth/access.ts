/**
 * Who may open a wall: the one check HTTP and WebSocket routes share. The wall's existence is
 * checked before the token, so an unknown wall is 404 whatever token came with it.
 */
import { WallId, type Role } from '../../shared/schemas';
import { forbidden, notFound, unauthorized } from '../http/errors';
import type { Store, WallRecord } from '../storage/store';
import { grantFor } from './tokens';

export interface Access {
  wall: WallRecord;
  role: Role;
  /** The group a per-group participant link confines its holder to, else null. */
  groupId: string | null;
  /** SHA-256 hex of the token used: rotation closes exactly the sockets opened with it. */
  tokenHash: string;
}

/** Resolves the access `token` grants on wall `rawId`; throws a 404 or 401 HttpError. */
export async function resolveAccess(store: Store, rawId: unknown, token: unknown): Promise<Access> {
  const id = WallId.safeParse(rawId);
  if (!id.success) throw notFound();
  const wall = await store.getWall(id.data);
  if (!wall) throw notFound();
  const grant = grantFor(wall, token);
  if (!grant) throw unauthorized();
  return { wall, ...grant };
}

/** Like resolveAccess, and then a 403 unless the token is the facilitator's. */
export async function resolveFacilitator(store: Store, rawId: unknown, token: unknown): Promise<Access> {
  const access = await resolveAccess(store, rawId, token);
  if (access.role !== 'facilitator') throw forbidden();
  return access;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
