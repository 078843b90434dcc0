/**
 * A browser that loses its connection keeps working: edits stay in IndexedDB, survive a reload
 * with no network (the service worker serves the app), and reach the others once back online.
 * What the others wrote before the connection went is in the copy too (written when the browser
 * is idle: client/sync/wallPersistence.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { startCuttableProxy, type CuttableProxy } from '../helpers/cuttableProxy';
import { createWall } from '../helpers/server';
import { addNote, expectStatus, joinAsParticipant, noteByText, status } from '../helpers/wallPage';

const suite = useBrowserSuite();

let proxy: CuttableProxy;
let offlineContext: BrowserContext;
let traveller: Page; // goes offline, through the proxy
let stayer: Page; // stays online, straight to the server
let storedBefore = 0;

/** How many updates y-indexeddb has committed for the page's wall (its store is 'updates'). */
function storedUpdates(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const wallId = location.pathname.split('/').pop();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`pajaseina:${wallId}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const count = db.transaction('updates', 'readonly').objectStore('updates').count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      });
    } finally {
      db.close();
    }
  });
}

beforeAll(async () => {
  proxy = await startCuttableProxy(Number(new URL(suite.server.url).port));
  const wall = await createWall(suite.server.url, { title: 'Juna-asema' });
  const path = new URL(wall.links.participant);
  offlineContext = await suite.chromium.newContext();
  traveller = await offlineContext.newPage();
  stayer = await (await suite.chromium.newContext()).newPage();
  await joinAsParticipant(traveller, `${proxy.url}${path.pathname}${path.hash}`, 'Matkalla', 'Ryhmä 1');
  await joinAsParticipant(stayer, wall.links.participant, 'Paikalla', 'Ryhmä 2');
  // The service worker must have cached the app before the network goes away.
  await traveller.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
});

afterAll(async () => {
  await proxy?.close();
});

describe('offline and back', () => {
  it('keeps what the others write in the offline copy', async () => {
    const before = await storedUpdates(traveller);
    await addNote(stayer, 'Kirjoitettu asemalla');
    await noteByText(traveller, 'Kirjoitettu asemalla').waitFor();
    await expect.poll(() => storedUpdates(traveller), { timeout: 5_000 }).toBeGreaterThan(before);
  });

  it('shows offline as soon as the connection is lost', async () => {
    await expectStatus(traveller, 'online');
    await proxy.cut();
    await offlineContext.setOffline(true);
    await expectStatus(traveller, 'offline');
  });

  it('keeps a note written offline and says a change is waiting', async () => {
    storedBefore = await storedUpdates(traveller);
    await addNote(traveller, 'Kirjoitettu junassa ilman verkkoa');
    const shown = await status(traveller);
    expect(shown.status).toBe('offline');
    expect(shown.pending).toBe('1');
    expect(await noteByText(stayer, 'Kirjoitettu junassa').count()).toBe(0);
  });

  it('still shows the note after a reload with no network', async () => {
    // y-indexeddb writes each update in its own IndexedDB transaction: reload only once the
    // note's update is committed there.
    await expect.poll(() => storedUpdates(traveller), { timeout: 5_000 }).toBeGreaterThan(storedBefore);
    await traveller.reload();
    await noteByText(traveller, 'Kirjoitettu junassa ilman verkkoa').waitFor({ timeout: 10_000 });
    await noteByText(traveller, 'Kirjoitettu asemalla').waitFor();
    const shown = await status(traveller);
    expect(shown.status).toBe('offline');
    expect(shown.pending).toBe('1');
  });

  it('sends the note to the others once the connection returns', async () => {
    await offlineContext.setOffline(false);
    await proxy.restore();
    await noteByText(stayer, 'Kirjoitettu junassa ilman verkkoa').waitFor({ timeout: 20_000 });
    await expectStatus(traveller, 'online', 20_000);
    expect((await status(traveller)).pending).toBe('0');
  });

  it('is kept by the server: a fresh browser sees it', async () => {
    const fresh = await (await suite.chromium.newContext()).newPage();
    const wallPath = new URL(stayer.url());
    await fresh.goto(`${suite.server.url}${wallPath.pathname}${wallPath.hash}`);
    await joinAsParticipant(fresh, fresh.url(), null, 'Ryhmä 1');
    await noteByText(fresh, 'Kirjoitettu junassa ilman verkkoa').waitFor({ timeout: 10_000 });
  });
});
