/**
 * Short join addresses for the projector. POST /api/walls/:id/join-code (facilitator only) turns
 * the wall's participant link into a code like "K7Q-4PX"; GET /j/:code redirects to that link.
 * The token stays in the redirect's fragment, so it never reaches the server in a later request
 * or a Referer header. A code that leads nowhere gets a page that says so and lets the person type
 * it again (joinCodePage.ts). The routes are under the failure limit: a wrong guess at a code is a
 * 404 and counts like a wrong token.
 */
import type { FastifyInstance } from 'fastify';
import { JoinCode, JoinCodeBody, JoinCodeParams, type JoinCodeResponse } from '../../shared/schemas';
import { bearerToken, resolveFacilitator } from '../auth/access';
import { grantFor } from '../auth/tokens';
import type { Store } from '../storage/store';
import type { JoinCodes } from '../joinCodes';
import { AUTH_GUARDED } from './authFailures';
import { badRequest, HttpError } from './errors';
import { sendJoinCodeNotFound } from './joinCodePage';

export interface JoinCodeRoutesOptions {
  store: Store;
  codes: JoinCodes;
}

/** The body is one token: well under a kilobyte. */
const BODY_LIMIT = 1024;

/** True when `token` is the wall's own participant link (not a group link, not another role's). */
const isParticipantLink = (wall: Parameters<typeof grantFor>[0], token: string) => {
  const grant = grantFor(wall, token);
  return grant?.role === 'participant' && grant.groupId === null;
};

export async function joinCodeRoutes(app: FastifyInstance, opts: JoinCodeRoutesOptions): Promise<void> {
  const { store, codes } = opts;

  app.post<{ Params: { id: string } }>(
    '/api/walls/:id/join-code',
    { bodyLimit: BODY_LIMIT, config: AUTH_GUARDED },
    async (request) => {
      const { wall } = await resolveFacilitator(store, request.params.id, bearerToken(request.headers.authorization));
      const parsed = JoinCodeBody.safeParse(request.body ?? {});
      if (!parsed.success) throw badRequest(parsed.error);
      if (!isParticipantLink(wall, parsed.data.participantToken)) {
        throw new HttpError(422, 'not_participant_link', 'That is not this wall’s current participant link.');
      }
      const { code, expiresAt } = await codes.issue({ wallId: wall.id, participantToken: parsed.data.participantToken });
      const body: JoinCodeResponse = { code, expiresAt: new Date(expiresAt).toISOString() };
      return body;
    },
  );

  // The not-found page's form: the code typed again, tidied (case, dash) into the address above.
  app.get<{ Querystring: { code?: unknown } }>('/j', { config: AUTH_GUARDED }, async (request, reply) => {
    const typed = typeof request.query.code === 'string' ? request.query.code.trim() : '';
    const code = JoinCode.safeParse(typed);
    if (!code.success) return sendJoinCodeNotFound(request, reply, typed);
    return reply.header('cache-control', 'no-store').redirect(`/j/${code.data}`, 302);
  });

  app.get<{ Params: { code: string } }>('/j/:code', { config: AUTH_GUARDED }, async (request, reply) => {
    const params = JoinCodeParams.safeParse(request.params);
    const target = params.success ? await codes.resolve(params.data.code) : undefined;
    // Checked again on use: a participant link replaced (or a wall deleted) since the code was
    // made must not open through it.
    const wall = target ? await store.getWall(target.wallId) : undefined;
    if (!target || !wall || !isParticipantLink(wall, target.participantToken)) return sendJoinCodeNotFound(request, reply, request.params.code);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.redirect(`/w/${encodeURIComponent(target.wallId)}#${target.participantToken}`, 302);
  });
}
