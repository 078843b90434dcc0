/**
 * Short join addresses for the projector. POST /api/walls/:id/join-code (facilitator only) turns
 * the wall's participant link into a code like "K7Q-4PX"; GET /j/:code redirects to that link.
 * The token stays in the redirect's fragment, so it never reaches the server in a later request
 * or a Referer header. Both routes are under the failure limit: a wrong guess at a code is a 404
 * and counts like a wrong token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translate, type MessageKey } from '../../shared/i18n';
import { JoinCodeBody, JoinCodeParams, LANGUAGES, type JoinCodeResponse, type Language } from '../../shared/schemas';
import { bearerToken, resolveFacilitator } from '../auth/access';
import { grantFor } from '../auth/tokens';
import type { Store } from '../storage/store';
import type { JoinCodes } from '../joinCodes';
import { AUTH_GUARDED } from './authFailures';
import { badRequest, HttpError } from './errors';

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

  app.get<{ Params: { code: string } }>('/j/:code', { config: AUTH_GUARDED }, async (request, reply) => {
    const params = JoinCodeParams.safeParse(request.params);
    const target = params.success ? await codes.resolve(params.data.code) : undefined;
    // Checked again on use: a participant link replaced (or a wall deleted) since the code was
    // made must not open through it.
    const wall = target ? await store.getWall(target.wallId) : undefined;
    if (!target || !wall || !isParticipantLink(wall, target.participantToken)) return notFoundPage(request, reply);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.redirect(`/w/${encodeURIComponent(target.wallId)}#${target.participantToken}`, 302);
  });
}

function pickLanguage(header: string | undefined): Language {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  }
  return 'fi';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A plain page (no script, no inline style: the CSP allows neither) that says what to do. */
function notFoundPage(request: FastifyRequest, reply: FastifyReply) {
  const lang = pickLanguage(request.headers['accept-language']);
  const t = (key: MessageKey) => escapeHtml(translate(lang, key));
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('joinCode.notFound.title')}</title></head>
<body>
<main>
<h1>${t('joinCode.notFound.title')}</h1>
<p>${t('joinCode.notFound.body')}</p>
<p><a href="/">${t('joinCode.notFound.home')}</a></p>
</main>
</body>
</html>
`;
  return reply.status(404).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
