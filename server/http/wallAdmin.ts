/**
 * Facilitator-only wall administration: rotate a link, make a per-group link, delete the wall,
 * set its deletion date. Every route resolves access first (404 unknown wall, 401 bad token),
 * then refuses any role but the facilitator with 403. Bodies are zod schemas from shared/.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  GroupLinkBody,
  RetentionBody,
  RotateTokenBody,
  type GroupLinkResponse,
  type RetentionResponse,
  type RotateTokenResponse,
} from '../../shared/schemas';
import { bearerToken, resolveFacilitator } from '../auth/access';
import type { Config } from '../config';
import type { Store } from '../storage/store';
import type { WallAdmin } from '../wallAdmin';
import { badRequest, HttpError } from './errors';
import { wallLink } from './links';
import { AUTH_GUARDED } from './authFailures';

export interface WallAdminRoutesOptions {
  config: Config;
  store: Store;
  admin: WallAdmin;
}

/** These bodies are a role, a group id or a date: a few hundred bytes at most. */
const ADMIN_BODY_LIMIT = 4 * 1024;

type WallRequest = FastifyRequest<{ Params: { id: string } }>;

export const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function wallAdminRoutes(app: FastifyInstance, opts: WallAdminRoutesOptions): Promise<void> {
  const { config, store, admin } = opts;
  const facilitator = (request: WallRequest) =>
    resolveFacilitator(store, request.params.id, bearerToken(request.headers.authorization));
  const routeOpts = { bodyLimit: ADMIN_BODY_LIMIT, config: AUTH_GUARDED };

  app.post<{ Params: { id: string } }>('/api/walls/:id/rotate', routeOpts, async (request) => {
    const { wall } = await facilitator(request);
    const parsed = RotateTokenBody.safeParse(request.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error);
    const { role, groupId } = parsed.data;
    if (groupId !== undefined && !(groupId in wall.groupTokenHashes)) {
      throw new HttpError(404, 'no_group_link', 'That group has no link yet; create one first.');
    }
    const token = await admin.replaceToken(wall.id, groupId === undefined ? { role } : { groupId });
    const body: RotateTokenResponse = { token, link: wallLink(config, request, wall.id, token) };
    return body;
  });

  app.post<{ Params: { id: string } }>('/api/walls/:id/group-links', routeOpts, async (request, reply) => {
    const { wall } = await facilitator(request);
    const parsed = GroupLinkBody.safeParse(request.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error);
    const { groupId } = parsed.data;
    // Creating again replaces the group's link: the old one stops working like a rotation.
    const token = await admin.replaceToken(wall.id, { groupId });
    const body: GroupLinkResponse = { groupId, token, link: wallLink(config, request, wall.id, token) };
    return reply.status(201).send(body);
  });

  app.put<{ Params: { id: string } }>('/api/walls/:id/retention', routeOpts, async (request) => {
    const { wall } = await facilitator(request);
    const parsed = RetentionBody.safeParse(request.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error);
    const deleteAt = parsed.data.deleteAt === null ? null : Date.parse(parsed.data.deleteAt);
    await store.setDeleteAt(wall.id, deleteAt);
    const body: RetentionResponse = { deleteAt: isoOrNull(deleteAt) };
    return body;
  });

  app.delete<{ Params: { id: string } }>('/api/walls/:id', { config: AUTH_GUARDED }, async (request, reply) => {
    const { wall } = await facilitator(request);
    await admin.deleteWall(wall.id, 'request');
    return reply.status(204).send();
  });
}
