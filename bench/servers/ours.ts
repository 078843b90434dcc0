/** Pajaseinä as the bench runs it: buildApp with SQLite in BENCH_DATA_DIR, silent logs. */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { serveStats } from './stats';

const config = {
  ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATA_DIR: process.env.BENCH_DATA_DIR }),
  host: '127.0.0.1',
  port: 0,
  // The bench opens hundreds of connections from one address; none of them fail auth.
  authFailuresPerWindow: 100_000,
};
const app = await buildApp(config);
await app.listen({ port: 0, host: '127.0.0.1' });
serveStats({ port: (app.server.address() as AddressInfo).port });
