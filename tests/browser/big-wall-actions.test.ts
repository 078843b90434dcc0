/**
 * A big column: a card builds its action buttons only once its note comes near the screen or
 * gets the focus (client/components/nearNotes.ts). Every note's text is still in the page, the
 * notes scrolled into view show their buttons, and the keyboard reaches the
 * buttons of any note: Tab from a note far down the column, and Shift+Tab back into the column
 * from the form after it. And the first sync, whose IndexedDB write waits until the browser is
 * idle (client/sync/firstSyncStore.ts), still ends up in the offline copy, as does a change that
 * arrives before the IndexedDB database opens (client/sync/wallPersistence.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { Wall } from '../../shared/wall';
import { useBrowserSuite } from '../helpers/browserSuite';
import { connectClient, createWall, waitForServerWall, type TestClient } from '../helpers/server';
import { expectFocus, focused } from '../helpers/keyboard';
import { NOTE_MENU, noteMenuButton } from '../helpers/noteActions';
import { noteByText } from '../helpers/wallPage';

const NOTES = 300;
const suite = useBrowserSuite();
let seeder: TestClient;
let page: Page;

/** How many notes the page's IndexedDB copy of the wall holds (its updates applied to a fresh doc). */
async function notesInOfflineCopy(p: Page): Promise<number> {
  const updates = await p.evaluate(async () => {
    const wallId = location.pathname.split('/').pop();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`pajaseina:${wallId}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      return await new Promise<number[][]>((resolve, reject) => {
        const all = db.transaction('updates', 'readonly').objectStore('updates').getAll();
        all.onsuccess = () => resolve((all.result as Uint8Array[]).map((u) => [...u]));
        all.onerror = () => reject(all.error);
      });
    } finally {
      db.close();
    }
  });
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  return new Wall(doc).notes().length;
}

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Iso seinä' });
  seeder = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await seeder.synced;
  const w = seeder.wall;
  const group = w.groups()[0]!.id;
  seeder.doc.transact(() => {
    for (let i = 0; i < NOTES; i++) w.addNote({ groupId: group, text: `Lappu ${i}`, color: 'yellow', authorName: null, authorId: null });
  });
  await waitForServerWall(suite.server.url, wall, (w) => w.notes().length === NOTES, 10_000, 'the notes reached the server');
  const context = await suite.chromium.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(wall.links.facilitator);
  await page.locator('article[data-note-id]').nth(NOTES - 1).waitFor({ state: 'attached' });
});

afterAll(() => {
  seeder?.destroy();
});

describe('a column of 300 notes', () => {
  it('has every note in the page, and the notes in view show their buttons', async () => {
    expect(await page.locator('article[data-note-id] .note__text').count()).toBe(NOTES);
    // The column starts below the wall's top part: scrolled to, its first notes show their buttons.
    await noteByText(page, 'Lappu 0').scrollIntoViewIfNeeded();
    await noteByText(page, 'Lappu 0').getByRole('button', { name: 'Valitse jatkoon' }).waitFor();
    // The facilitator's card: one action and the menu with the others.
    const buttons = noteByText(page, 'Lappu 0').getByRole('button');
    await expect.poll(() => buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label') ?? b.textContent))).toEqual(['Valitse jatkoon', NOTE_MENU]);
  });

  it('shows the buttons of the notes in view when the page opens, without scrolling or focus', async () => {
    const context = await suite.chromium.newContext({ viewport: { width: 1280, height: 2400 } });
    try {
      const tall = await context.newPage();
      await tall.goto(page.url());
      await tall.locator('article[data-note-id]').nth(NOTES - 1).waitFor({ state: 'attached' });
      await noteMenuButton(noteByText(tall, 'Lappu 0')).waitFor({ timeout: 5_000 });
      // A far note has none until it comes near.
      expect(await noteByText(tall, `Lappu ${NOTES - 1}`).getByRole('button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('Tab from a note far down the column reaches its buttons at once', async () => {
    // As after a move or a deletion, the script puts the focus on a note: the keys come right after.
    await noteByText(page, 'Lappu 200').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^button "Valitse jatkoon" in .* on "Lappu 200"$/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(new RegExp(`^button "${NOTE_MENU}" in .* on "Lappu 200"$`));
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^article "Lappu 201"/);
  });

  it('Shift+Tab from the form after the column reaches the last note\'s buttons', async () => {
    await page.getByTestId('add-note-text').focus();
    // The form's focus scrolled the column's end into view: its notes' buttons come with it.
    await noteMenuButton(noteByText(page, `Lappu ${NOTES - 1}`)).waitFor();
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, new RegExp(`^button "${NOTE_MENU}" in .* on "Lappu ${NOTES - 1}"$`));
  });

  it('keeps every note of the first sync in the IndexedDB copy', async () => {
    await expect.poll(() => notesInOfflineCopy(page), { timeout: 10_000 }).toBe(NOTES);
  });

  it('keeps a note that arrived after the first sync but before the IndexedDB database opened', async () => {
    const context = await suite.chromium.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const late = await context.newPage();
      await late.addInitScript(() => {
        const w = window as unknown as { __wsMessages: number; __releaseDb: () => void };
        w.__wsMessages = 0;
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            this.addEventListener('message', () => w.__wsMessages++);
          }
        };
        // The page's database opens only when the test says so.
        let held = true;
        const waiting: (() => void)[] = [];
        w.__releaseDb = () => {
          held = false;
          for (const open of waiting.splice(0)) open();
        };
        const open = IDBFactory.prototype.open;
        IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
          const request = open.apply(this, args);
          request.addEventListener('success', (event) => {
            if (!held) return;
            event.stopImmediatePropagation();
            waiting.push(() => request.onsuccess?.call(request, event));
          });
          return request;
        };
      });
      await late.goto(page.url());
      // The first sync (300 notes) is in; then one more note comes while the database is still shut.
      await late.waitForFunction(() => (window as unknown as { __wsMessages: number }).__wsMessages >= 2);
      const before = await late.evaluate(() => (window as unknown as { __wsMessages: number }).__wsMessages);
      seeder.wall.addNote({ groupId: seeder.wall.groups()[0]!.id, text: 'Myöhässä tullut lappu', color: 'pink', authorName: null, authorId: null });
      await late.waitForFunction((n) => (window as unknown as { __wsMessages: number }).__wsMessages > n, before);
      await late.evaluate(() => (window as unknown as { __releaseDb: () => void }).__releaseDb());
      await noteByText(late, 'Myöhässä tullut lappu').waitFor();
      await expect.poll(() => notesInOfflineCopy(late), { timeout: 10_000 }).toBe(NOTES + 1);
    } finally {
      await context.close();
    }
  });
});
