/**
 * Entry point: `node --expose-gc --import tsx server/main.ts` (why the flag: rooms/youngGeneration.ts). Reads the config, builds the app, listens.
 * SIGTERM/SIGINT close the app, which flushes every wall and closes the store, then exit 0.
 */
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { canCollectYoungGeneration } from './rooms/youngGeneration';

/** Shutdown that takes longer than this is stuck; exit non-zero rather than hang the deploy. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}

const app = await buildApp(config);
try {
  const address = await app.listen({ port: config.port, host: config.host });
  // One plain line whatever LOG_LEVEL is: scripts and tests read the port from it.
  process.stdout.write(`Pajaseinä listening on ${address}\n`);
  if (!canCollectYoungGeneration()) {
    app.log.info('started without --expose-gc: big walls load with longer garbage-collection pauses (docs/deploy.md)');
  }
} catch (err) {
  app.log.error({ err }, 'could not listen');
  process.exit(1);
}

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  app.log.info({ signal }, 'shutting down');
  setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
  try {
    await app.close();
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
