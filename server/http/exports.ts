/**
 * Exports of a wall (json, md, csv: any role's token; hidden notes and roles only in the
 * facilitator's) and POST /api/walls/import, which makes a new wall from an export.json.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomId } from '../../shared/ids';
import type { CreateWallResponse } from '../../shared/schemas';
import { Wall } from '../../shared/wall';
import { bearerToken, resolveAccess } from '../auth/access';
import { checkOrganiserKey } from '../auth/organiserKey';
import { newTokens } from '../auth/tokens';
import type { Config } from '../config';
import { buildCsv } from '../exports/csv';
import { importUpdate, parseImport } from '../exports/import';
import { buildExport } from '../exports/json';
import { buildMarkdown } from '../exports/markdown';
import type { RoomRegistry } from '../rooms/registry';
import type { Store } from '../storage/store';
import { AUTH_GUARDED } from './authFailures';
import { HttpError } from './errors';
import { wallLink } from './links';

export interface ExportRoutesOptions {
  config: Config;
  store: Store;
  registry: RoomRegistry;
}

type WallRequest = FastifyRequest<{ Params: { id: string } }>;

const attachment = (reply: FastifyReply, id: string, ext: string) =>
  void reply.header('Content-Disposition', `attachment; filename="pajaseina-${id}.${ext}"`);

export async function exportRoutes(app: FastifyInstance, opts: ExportRoutesOptions): Promise<void> {
  const { config, store, registry } = opts;
  const access = (request: WallRequest) => resolveAccess(store, request.params.id, bearerToken(request.headers.authorization));

  app.addHook('onSend', async (_request, reply) => {
    void reply.header('Cache-Control', 'no-store');
  });

  app.get<{ Params: { id: string } }>('/api/walls/:id/export.json', { config: AUTH_GUARDED }, async (request, reply) => {
    const { wall, role } = await access(request);
    const exported = await registry.read(wall.id, (room) => buildExport(wall.id, new Wall(room.doc), role));
    attachment(reply, wall.id, 'json');
    return exported;
  });

  app.get<{ Params: { id: string } }>('/api/walls/:id/export.md', { config: AUTH_GUARDED }, async (request, reply) => {
    const { wall, role } = await access(request);
    const markdown = await registry.read(wall.id, (room) => buildMarkdown(new Wall(room.doc), role));
    attachment(reply, wall.id, 'md');
    return reply.type('text/markdown; charset=utf-8').send(markdown);
  });

  app.get<{ Params: { id: string } }>('/api/walls/:id/export.csv', { config: AUTH_GUARDED }, async (request, reply) => {
    const { wall, role } = await access(request);
    const csv = await registry.read(wall.id, (room) => buildCsv(new Wall(room.doc), role));
    attachment(reply, wall.id, 'csv');
    return reply.type('text/csv; charset=utf-8').send(csv);
  });

  // An export is JSON text of the wall: a few times the wall's own size at most.
  const bodyLimit = Math.max(4 * config.maxWallBytes, 1024 * 1024);
  app.post('/api/walls/import', { bodyLimit, config: AUTH_GUARDED }, async (request, reply) => {
    // Like creating a wall: without the key, nothing about the request matters.
    checkOrganiserKey(config.organiserKey, request.headers.authorization);
    const parsed = parseImport(request.body);
    if (!parsed.ok) throw new HttpError(400, 'bad_import', parsed.message);
    const data = parsed.export;
    const update = importUpdate(data);
    if (update.byteLength > config.maxWallBytes) throw new HttpError(413, 'payload_too_large', 'The imported wall would be over the size limit.');
    const id = randomId(16);
    const { tokens, hashes } = newTokens();
    await store.createWall({ id, title: data.wall.title, language: data.wall.language, tokenHashes: hashes, createdAt: Date.now() }, update);
    const link = (token: string) => wallLink(config, request, id, token);
    const body: CreateWallResponse = {
      id,
      links: { facilitator: link(tokens.facilitator), participant: link(tokens.participant), viewer: link(tokens.viewer) },
      tokens,
    };
    return reply.status(201).send(body);
  });
}
