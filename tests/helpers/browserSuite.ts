/**
 * The server-and-Chromium pair nearly every browser test needs, started once per file and
 * closed after the file's own afterAll hooks (Vitest runs after-hooks in reverse order).
 * Read `suite.server` and `suite.chromium` inside hooks and tests, never at import time.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { startServer, type TestServer } from './server';

export interface BrowserSuite {
  readonly server: TestServer;
  readonly chromium: LaunchedBrowser;
}

export function useBrowserSuite(overrides: Partial<Config> = {}): BrowserSuite {
  let server: TestServer | undefined;
  let chromium: LaunchedBrowser | undefined;
  beforeAll(async () => {
    server = await startServer(overrides);
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a hook or a test`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the test server');
    },
    get chromium() {
      return started(chromium, 'Chromium');
    },
  };
}
