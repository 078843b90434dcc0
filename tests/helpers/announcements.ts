/**
 * What the app's polite live region said, recorded in the page from its first moment (an init
 * script polls the region every 20 ms), so a test can assert a summary was told once.
 */
import type { BrowserContext, Page } from 'playwright-core';

export async function recordAnnouncements(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { announced: string[] }).announced = seen;
    let last = '';
    setInterval(() => {
      const text = document.querySelector('[aria-live="polite"][role="status"].sr-only')?.textContent ?? '';
      if (text !== last) {
        last = text;
        if (text) seen.push(text);
      }
    }, 20);
  });
}

/** Every text the live region has shown so far, in order. */
export const announced = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { announced: string[] }).announced);
