/**
 * The retention sweeper: deletes walls whose deletion date has passed, exactly as
 * DELETE /api/walls/:id does (WallAdmin.deleteWall). Runs once when the app is ready, so a date
 * that passed while the server was down is honoured at start-up, then every RETENTION_SWEEP_MS.
 * The timer is unref'd: it never keeps the process alive on its own.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from './storage/store';
import type { WallAdmin } from './wallAdmin';

export function installRetentionSweeper(app: FastifyInstance, store: Store, admin: WallAdmin, intervalMs: number): void {
  let running: Promise<void> | null = null;
  let stopped = false;

  const sweep = async () => {
    for (const wallId of await store.dueForDeletion(Date.now())) {
      if (stopped) return;
      try {
        await admin.deleteWall(wallId, 'retention');
      } catch (err) {
        // One wall that cannot be deleted must not keep the others past their date.
        app.log.error({ wallId, err }, 'retention: deleting a wall failed');
      }
    }
  };
  // Sweeps never overlap: a slow one (many walls due) makes the next tick a no-op.
  const tick = () => {
    if (running || stopped) return;
    running = sweep()
      .catch((err: unknown) => app.log.error({ err }, 'retention sweep failed'))
      .finally(() => {
        running = null;
      });
  };

  const timer = setInterval(tick, intervalMs);
  timer.unref();
  app.addHook('onReady', async () => tick());
  // preClose runs before every onClose hook, so a sweep in progress ends while the store is open.
  app.addHook('preClose', async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  });
}
