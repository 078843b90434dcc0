/**
 * A change the server refuses (4403 Forbidden, 4413 WallFull) sits in the browser's offline copy:
 * reconnecting would send it again. The page says what happened in plain words, stops
 * retrying, and "reload the wall" drops the refused change and comes back online.
 *
 * The UI never makes such a change itself, so the test plants one in the IndexedDB copy, as an
 * old tab or a change made offline before the rules tightened would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { LIMITS } from '../../shared/limits';
import { useBrowserSuite } from '../helpers/browserSuite';
import { createWall } from '../helpers/server';
import { expectRefused, expectStatus, joinAsParticipant } from '../helpers/wallPage';

const suite = useBrowserSuite();

let wall: Awaited<ReturnType<typeof createWall>>;

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Torjuttu muutos' });
});

/** Adds a raw Yjs update to the page's y-indexeddb copy of the wall. */
async function plant(page: Page, update: Uint8Array): Promise<void> {
  await page.evaluate(
    async ({ name, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('updates', 'readwrite');
        tx.objectStore('updates').add(new Uint8Array(bytes));
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: `pajaseina:${wall.id}`, bytes: [...update] },
  );
}

async function refusedThenReload(update: Uint8Array, code: number, words: string): Promise<void> {
  const page = await (await suite.chromium.newContext()).newPage();
  await joinAsParticipant(page, wall.links.participant, 'Aino', 'Ryhmä 1');
  await expectStatus(page, 'online');
  await plant(page, update);
  await page.reload();
  await expectRefused(page, code);
  expect(await page.getByTestId('status').textContent()).toContain(words);
  await page.getByRole('button', { name: 'Lataa seinä uudelleen' }).click();
  await expectStatus(page, 'online');
}

describe('a change the server refuses', () => {
  it('4403: a participant changing the title is told it was not allowed, and recovers', async () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Kaapattu');
    await refusedThenReload(Y.encodeStateAsUpdate(doc), CloseCode.Forbidden, 'sinulla ei ole siihen oikeutta');
  });

  it('4413: a note over the size limit is told the wall is full, and recovers', async () => {
    const doc = new Y.Doc();
    const note = new Y.Map<unknown>();
    doc.getMap('notes').set('liian-pitka', note);
    note.set('text', 'x'.repeat(LIMITS.noteTextMax + 10));
    await refusedThenReload(Y.encodeStateAsUpdate(doc), CloseCode.WallFull, 'Seinä on täynnä');
  });
});
