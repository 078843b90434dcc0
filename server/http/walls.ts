/** The wall API: create, read (exports: exports.ts). Every input is parsed with a schema from shared/. */
import * as Y from 'yjs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { translate } from '../../shared/i18n';
import { randomId } from '../../shared/ids';
import {
  CreateWallBody,
  type CreateWallResponse,
  type HealthResponse,
  type ServerTime,
  type Language,
  type Template,
  type WallInfo,
} from '../../shared/schemas';
import { Wall } from '../../shared/wall';
import { bearerToken, resolveAccess } from '../auth/access';
import { checkOrganiserKey } from '../auth/organiserKey';
import { newTokens } from '../auth/tokens';
import type { Config } from '../config';
import type { RoomRegistry } from '../rooms/registry';
import type { Store } from '../storage/store';
import { AUTH_GUARDED } from './authFailures';
import { badRequest } from './errors';
import { wallLink } from './links';
import { isoOrNull } from './wallAdmin';
import type { z } from 'zod';

export interface WallRoutesOptions {
  config: Config;
  store: Store;
  registry: RoomRegistry;
}

/** A create body is a title and two enums; anything near this size is not one. */
const CREATE_BODY_LIMIT = 16 * 1024;

/** The first update of a new wall: its meta and default groups, made on the server. */
function initialUpdate(title: string, language: Language, template: Template, createdAt: number): Uint8Array {
  const doc = new Y.Doc();
  const names = Array.from({ length: Wall.startingGroups(template) }, (_, i) => translate(language, 'group.defaultName', { n: i + 1 }));
  new Wall(doc).initialise({ title, language, createdAt }, names, template);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export async function wallRoutes(app: FastifyInstance, opts: WallRoutesOptions): Promise<void> {
  const { config, store, registry } = opts;
  const access = (request: FastifyRequest<{ Params: { id: string } }>) =>
    resolveAccess(store, request.params.id, bearerToken(request.headers.authorization));

  app.addHook('onSend', async (_request, reply) => {
    // Responses carry tokens or wall content: never cache them.
    void reply.header('Cache-Control', 'no-store');
  });

  app.get('/healthz', async (): Promise<z.infer<typeof HealthResponse>> => ({ status: 'ok' }));

  // The server's clock, so every client's timer counts down to the same moment (client/clock.ts).
  app.get('/api/time', async (): Promise<z.infer<typeof ServerTime>> => ({ now: Date.now() }));

  app.post('/api/walls', { bodyLimit: CREATE_BODY_LIMIT, config: AUTH_GUARDED }, async (request, reply) => {
    // Before the body is even looked at: without the key, nothing about the request matters.
    checkOrganiserKey(config.organiserKey, request.headers.authorization);
    const parsed = CreateWallBody.safeParse(request.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error);
    const { title, language = 'fi', template = 'four-workshops' } = parsed.data;
    const id = randomId(16);
    const createdAt = Date.now();
    const { tokens, hashes } = newTokens();
    await store.createWall({ id, title, language, tokenHashes: hashes, createdAt }, initialUpdate(title, language, template, createdAt));
    const link = (token: string) => wallLink(config, request, id, token);
    const body: CreateWallResponse = {
      id,
      links: { facilitator: link(tokens.facilitator), participant: link(tokens.participant), viewer: link(tokens.viewer) },
      tokens,
    };
    return reply.status(201).send(body);
  });

  app.get<{ Params: { id: string } }>('/api/walls/:id', { config: AUTH_GUARDED }, async (request) => {
    const { wall, role, groupId } = await access(request);
    const meta = await registry.read(wall.id, (room) => new Wall(room.doc).getMeta());
    const body: WallInfo = {
      id: wall.id,
      title: meta.title,
      role,
      language: meta.language,
      groupId,
      deleteAt: isoOrNull(wall.deleteAt),
    };
    return body;
  });
}
