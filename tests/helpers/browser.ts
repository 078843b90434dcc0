/**
 * Debian's Chromium driven by playwright-core. Never a downloaded browser: the machine has no
 * route to one. The flags keep Chromium from stalling on the closed network.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clientBuildDir } from './server';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Keep Chromium from stalling on the closed network; the benches launch with them too. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchedBrowser {
  browser: Browser;
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (npm test does it when run as root).`);
  }
  if (!existsSync(join(clientBuildDir(), 'index.html'))) {
    throw new Error(`No client build in ${clientBuildDir()}: run \`npm run build\` (npm test does it first).`);
  }
  // launch() gives every run a fresh temporary profile (Playwright refuses --user-data-dir here).
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  return {
    browser,
    newContext: (options) => browser.newContext({ locale: 'fi-FI', ...options }),
    async close() {
      await browser.close();
    },
  };
}
