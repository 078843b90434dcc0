/** GET /api/walls/:id/report.txt: the client-participation summary as plain text, for the facilitator. */
import type { FastifyInstance } from 'fastify';
import { buildReport } from '../../shared/report';
import { reportText } from '../../shared/reportText';
import { Wall } from '../../shared/wall';
import { bearerToken, resolveFacilitator } from '../auth/access';
import type { RoomRegistry } from '../rooms/registry';
import type { Store } from '../storage/store';
import { AUTH_GUARDED } from './authFailures';

export async function reportRoutes(app: FastifyInstance, opts: { store: Store; registry: RoomRegistry }): Promise<void> {
  const { store, registry } = opts;
  app.get<{ Params: { id: string } }>('/api/walls/:id/report.txt', { config: AUTH_GUARDED }, async (request, reply) => {
    const { wall } = await resolveFacilitator(store, request.params.id, bearerToken(request.headers.authorization));
    const text = await registry.read(wall.id, (room) => {
      const w = new Wall(room.doc);
      const meta = w.getMeta();
      return reportText(buildReport(w), meta.title, meta.language);
    });
    void reply.header('Cache-Control', 'no-store');
    void reply.header('Content-Disposition', `attachment; filename="pajaseina-${wall.id}-report.txt"`);
    return reply.type('text/plain; charset=utf-8').send(text);
  });
}
