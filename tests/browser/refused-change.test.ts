/**
 * A change the server refuses (4403 Forbidden, 4413 WallFull) sits in the browser's offline copy:
 * reconnecting would send it again. The page says what happened in plain words, stops
 * retrying, and "reload the wall" drops the refused change and comes back online.
 *
 * The UI never makes such a change itself, so the first tests plant one in the IndexedDB copy, as
 * an old tab or a change made offline before the rules tightened would.
 *
 * The lock race: a participant posts a note while the facilitator locks the task, and the note
 * reaches the server just after the lock. The server refuses it (and must: the lock holds), but
 * the person's text is not lost: the page says what happened, shows the text with a copy
 * button, keeps showing it after the reload, and the note can be posted again once unlocked.
 * The same for an edit of a note the server has: its new text is saved back into that note.
 * Closing the list of such notes can be undone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '../../shared/protocol';
import { LIMITS } from '../../shared/limits';
import { announced, recordAnnouncements } from '../helpers/announcements';
import { useBrowserSuite } from '../helpers/browserSuite';
import { connectClient, createWall, waitFor, type TestClient } from '../helpers/server';
import { noteAction } from '../helpers/noteActions';
import { addNote, axeViolations, expectRefused, expectStatus, joinAsParticipant, noteByText, submitNote } from '../helpers/wallPage';

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

/**
 * Routes the page's wall sockets through Playwright so that a test can hold the page's document
 * updates in flight (awareness still passes) and let them go later, after something else
 * reached the server first.
 */
async function holdableSocket(page: Page) {
  let holding = false;
  const held: { send: () => void }[] = [];
  await page.routeWebSocket(/\/ws\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const isDocument = typeof message !== 'string' && message[0] === MessageType.Sync;
      if (holding && isDocument) held.push({ send: () => server.send(message) });
      else server.send(message);
    });
  });
  return {
    hold: () => (holding = true),
    held: () => held.length,
    release() {
      holding = false;
      for (const m of held.splice(0)) m.send();
    },
  };
}

describe('the lock race: a change that arrives just after the facilitator locks the task', () => {
  const UI = { timeout: 15_000 };
  let organiser: TestClient;
  let raceWall: Awaited<ReturnType<typeof createWall>>;
  let task: { id: string; title: string };

  beforeAll(async () => {
    raceWall = await createWall(suite.server.url, { title: 'Lukituskilpa' });
    organiser = connectClient(suite.server.url, raceWall.id, raceWall.tokens.facilitator);
    await organiser.synced;
    task = organiser.wall.process.tasks()[1]!;
    organiser.wall.control.setCurrentTask(task.id);
  });
  afterAll(() => organiser?.destroy());

  /** A participant on a phone, on the wall in the current task, whose wall socket can hold updates. */
  async function participant(name: string, group: string) {
    // bypassCSP: the axe scan injects its script.
    const context = await suite.chromium.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
      bypassCSP: true,
      viewport: { width: 390, height: 844 },
    });
    await recordAnnouncements(context);
    const page = await context.newPage();
    const socket = await holdableSocket(page);
    await joinAsParticipant(page, raceWall.links.participant, name, group);
    await expectStatus(page, 'online');
    await expect.poll(() => page.locator('#task-title').textContent(), UI).toBe(task.title);
    return { context, page, socket };
  }

  /** The page's change leaves it but has not reached the server when the facilitator locks; then it arrives and is refused. */
  async function raceTheLock(page: Page, socket: Awaited<ReturnType<typeof holdableSocket>>, change: () => Promise<void>) {
    socket.hold();
    await change();
    await waitFor(() => socket.held() > 0, UI.timeout, 'the page to send its change');
    organiser.wall.process.setTaskLocked(task.id, true);
    await page.locator('.task-panel').getByText('Tehtävä on lukittu.').waitFor(UI);
    socket.release();
    await expectRefused(page, CloseCode.Forbidden);
    expect(await page.getByTestId('status').textContent()).toContain('Ohjaaja lukitsi tehtävän juuri ennen kuin viimeisin muutoksesi ehti perille');
  }

  it('a new note is refused, but the page shows its text to copy, keeps it over the reload, and posts it again once unlocked', async () => {
    const TEXT = 'Kukaan ei kertonut, kenelle voi soittaa, kun aika peruttiin';
    const SAVED = 'Kirje tuli liian myöhään';
    const { context, page, socket } = await participant('Pekka', 'Ryhmä 2');
    await addNote(page, SAVED);
    await waitFor(() => organiser.wall.notes().some((n) => n.text === SAVED), UI.timeout, 'the server to have the first note');

    await raceTheLock(page, socket, () => submitNote(page, TEXT));
    const unsaved = page.getByTestId('unsaved-notes');
    await unsaved.getByText(TEXT).waitFor(UI);
    // Compared with the server's copy: only the note it lacks, not the one it has.
    expect(await unsaved.textContent()).toContain('Näitä lappujasi ei ole seinällä');
    expect(await unsaved.textContent()).toContain('Ryhmä 2');
    expect(await unsaved.textContent()).not.toContain(SAVED);
    expect(organiser.wall.notes().map((n) => n.text)).not.toContain(TEXT);
    await expect.poll(() => announced(page), UI).toContain('Yksi lappusi ei tallentunut. Sen teksti on tallessa sivulla.');
    expect(await axeViolations(page)).toEqual([]);

    // The page is scrolled down at the form; the sticky banner leads to the text, not under itself.
    await page.getByTestId('status').getByRole('link', { name: 'Näytä tallentamaton lappu' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), UI).toBe('unsaved-title');
    const banner = (await page.getByTestId('status').boundingBox())!;
    const heading = (await page.locator('#unsaved-title').boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(banner.y + banner.height);
    expect(heading.y + heading.height).toBeLessThanOrEqual(844);

    await unsaved.getByRole('button', { name: 'Kopioi teksti' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), UI).toBe(TEXT);

    // The reload drops the refused change from the page's copy; the text stays on the page.
    await page.getByRole('button', { name: 'Lataa seinä uudelleen' }).click();
    await expectStatus(page, 'online');
    await page.getByTestId('unsaved-notes').getByText(TEXT).waitFor(UI);
    expect(await noteByText(page, TEXT).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Still locked: it cannot go back yet, and the page says so.
    const again = page.getByTestId('unsaved-notes').getByRole('button', { name: 'Lisää lappu uudelleen' });
    expect(await again.isDisabled()).toBe(true);
    expect(await page.getByTestId('unsaved-notes').textContent()).toContain('Lappua ei voi lisätä juuri nyt');

    organiser.wall.process.setTaskLocked(task.id, false);
    await expect.poll(() => again.isDisabled(), UI).toBe(false);
    await again.click();
    await noteByText(page, TEXT).waitFor(UI);
    await waitFor(() => organiser.wall.notes().some((n) => n.text === TEXT), UI.timeout, 'the server to have the note posted again');
    const posted = organiser.wall.notes().find((n) => n.text === TEXT)!;
    expect([organiser.wall.getGroup(posted.groupId)?.name, posted.taskId, posted.authorName]).toEqual(['Ryhmä 2', task.id, 'Pekka']);
    // Once its text is on the wall, the entry goes by itself.
    await page.getByTestId('unsaved-notes').waitFor({ state: 'detached', ...UI });
    await expectStatus(page, 'online');
    await context.close();
  });

  it('an edit is refused, and its text is saved back into the same note once unlocked', async () => {
    const BEFORE = 'Ajanvaraus on vaikea';
    const AFTER = 'Ajanvaraus on vaikea, jos ei ole pankkitunnuksia';
    const { context, page, socket } = await participant('Aino', 'Ryhmä 1');
    await addNote(page, BEFORE);
    await waitFor(() => organiser.wall.notes().some((n) => n.text === BEFORE), UI.timeout, 'the server to have the note');
    const id = organiser.wall.notes().find((n) => n.text === BEFORE)!.id;

    await raceTheLock(page, socket, async () => {
      await noteByText(page, BEFORE).getByRole('button', { name: 'Muokkaa' }).click();
      await page.getByLabel('Lapun teksti').fill(AFTER);
      await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    });
    await page.getByTestId('unsaved-notes').getByText(AFTER).waitFor(UI);

    await page.getByRole('button', { name: 'Lataa seinä uudelleen' }).click();
    await expectStatus(page, 'online');
    await page.getByTestId('unsaved-notes').getByText(AFTER).waitFor(UI);
    // The wall shows what the server has; the list what was written.
    await noteByText(page, BEFORE).waitFor(UI);
    expect(await noteByText(page, AFTER).count()).toBe(0);

    organiser.wall.process.setTaskLocked(task.id, false);
    const save = page.getByTestId('unsaved-notes').getByRole('button', { name: 'Tallenna teksti lappuun uudelleen' });
    await expect.poll(() => save.isDisabled(), UI).toBe(false);
    await save.click();
    await waitFor(() => organiser.wall.getNote(id)?.text === AFTER, UI.timeout, 'the server to have the edit');
    // The same note, not a second one.
    expect(organiser.wall.notes().filter((n) => n.text.startsWith('Ajanvaraus')).map((n) => n.id)).toEqual([id]);
    await page.getByTestId('unsaved-notes').waitFor({ state: 'detached', ...UI });
    await context.close();
  });

  it('closing the list can be undone (the text may be nowhere else), and a list left closed stays closed over the reload', async () => {
    const TEXT = 'Odotusaulassa ei ole hiljaista paikkaa';
    const { context, page, socket } = await participant('Liisa', 'Ryhmä 1');
    await raceTheLock(page, socket, () => submitNote(page, TEXT));
    const unsaved = page.getByTestId('unsaved-notes');
    const toast = page.getByTestId('unsaved-undo');
    const focused = () => page.evaluate(() => [document.activeElement?.id, document.activeElement?.textContent]);
    await unsaved.getByText(TEXT).waitFor(UI);

    await unsaved.getByRole('button', { name: 'Sulje lista' }).click();
    await unsaved.waitFor({ state: 'detached', ...UI });
    await toast.getByText('Tallentamattomien lappujen lista suljettiin.').waitFor(UI);
    await expect.poll(() => announced(page), UI).toContain('Tallentamattomien lappujen lista suljettiin.');
    // The closed list's button is gone: the keyboard is on the undo.
    await expect.poll(focused, UI).toEqual(['', 'Kumoa']);
    expect(await axeViolations(page)).toEqual([]);

    await toast.getByRole('button', { name: 'Kumoa' }).click();
    await unsaved.getByText(TEXT).waitFor(UI);
    await toast.waitFor({ state: 'detached', ...UI });
    await expect.poll(focused, UI).toEqual(['unsaved-title', 'Tallentamatta jääneet laput']);

    // The undo put the list back in the tab's storage too: the reload keeps it.
    await page.getByRole('button', { name: 'Lataa seinä uudelleen' }).click();
    await expectStatus(page, 'online');
    await unsaved.getByText(TEXT).waitFor(UI);

    // Closed and not undone: gone, also after a reload.
    await unsaved.getByRole('button', { name: 'Sulje lista' }).click();
    await toast.getByRole('button', { name: 'Sulje ilmoitus' }).click();
    await toast.waitFor({ state: 'detached', ...UI });
    await expect.poll(focused, UI).toEqual(['main', expect.any(String)]);
    await page.reload();
    await expectStatus(page, 'online');
    expect(await unsaved.count()).toBe(0);
    expect(await noteByText(page, TEXT).count()).toBe(0);

    organiser.wall.process.setTaskLocked(task.id, false);
    await context.close();
  });

  it('two undo offers at once (a deleted note, the closed list) stack instead of covering each other', async () => {
    const TEXT = 'Puhelinaika loppuu ennen kuin ehdin soittaa';
    const SAVED = 'Tekstiviesti muistuttaa ajasta';
    const { context, page, socket } = await participant('Veera', 'Ryhmä 1');
    await addNote(page, SAVED);
    await waitFor(() => organiser.wall.notes().some((n) => n.text === SAVED), UI.timeout, 'the server to have the note');
    await raceTheLock(page, socket, () => submitNote(page, TEXT));
    await page.getByRole('button', { name: 'Lataa seinä uudelleen' }).click();
    await expectStatus(page, 'online');
    organiser.wall.process.setTaskLocked(task.id, false);
    const unsaved = page.getByTestId('unsaved-notes');
    await unsaved.getByText(TEXT).waitFor(UI);

    await noteAction(noteByText(page, SAVED), 'Poista');
    const deleted = page.locator('main .toast');
    await deleted.getByText('Lappu poistettu.').waitFor(UI);
    await unsaved.getByRole('button', { name: 'Sulje lista' }).click();
    const closed = page.getByTestId('unsaved-undo').locator('.toast');
    await closed.waitFor(UI);
    const box = async (toast: typeof deleted) => (await toast.boundingBox({ timeout: 1000 }))!;
    // The one shown first stays at the bottom; the later one sits wholly above it, in the window.
    // (Polled for less than a toast stays, 12 s: it would time out on a toast gone by itself.)
    await expect.poll(async () => (await box(closed)).y + (await box(closed)).height <= (await box(deleted)).y, { timeout: 5000 }).toBe(true);
    expect((await box(closed)).y).toBeGreaterThanOrEqual(0);
    const lowest = (await box(deleted)).y;

    // Both still work: undoing the deletion brings the note back, and the other toast moves down.
    await deleted.getByRole('button', { name: 'Kumoa' }).click();
    await noteByText(page, SAVED).waitFor(UI);
    await deleted.waitFor({ state: 'detached', ...UI });
    await expect.poll(async () => Math.round((await box(closed)).y + (await box(closed)).height) >= Math.round(lowest), UI).toBe(true);
    await closed.getByRole('button', { name: 'Kumoa' }).click();
    await unsaved.getByText(TEXT).waitFor(UI);
    await context.close();
  });

  it("an experiment card's refused fields are listed with the card and saved back into it once unlocked", async () => {
    const notesTask = task;
    task = organiser.wall.process.tasks().find((t) => t.kind === 'experiments')!;
    try {
      organiser.wall.control.setCurrentTask(task.id);
      const CARD = 'Soitetaan asiakkaalle päivää ennen aikaa';
      const { context, page, socket } = await participant('Oona', 'Ryhmä 1');
      await addNote(page, CARD);
      await waitFor(() => organiser.wall.notes().some((n) => n.text === CARD), UI.timeout, 'the server to have the card');
      const id = organiser.wall.notes().find((n) => n.text === CARD)!.id;

      await raceTheLock(page, socket, async () => {
        await noteByText(page, CARD).getByRole('button', { name: 'Muokkaa kokeilun tietoja' }).click();
        await page.getByLabel('Kuka vastaa').fill('Oona');
        await page.getByLabel('Mitä mitataan').fill('Peruttujen aikojen osuus');
        await page.getByRole('form', { name: 'Kokeilun tiedot' }).getByRole('button', { name: 'Tallenna', exact: true }).click();
      });
      const unsaved = page.getByTestId('unsaved-notes');
      await unsaved.getByText(CARD).waitFor(UI);
      expect(await unsaved.textContent()).toContain('Peruttujen aikojen osuus');
      expect(organiser.wall.getNote(id)?.experiment).toEqual({});

      await page.getByRole('button', { name: 'Lataa seinä uudelleen' }).click();
      await expectStatus(page, 'online');
      await unsaved.getByText('Peruttujen aikojen osuus').waitFor(UI);
      organiser.wall.process.setTaskLocked(task.id, false);
      // A card: its details, not only its text, go back into it.
      const save = unsaved.getByRole('button', { name: 'Tallenna tiedot lappuun uudelleen' });
      await expect.poll(() => save.isDisabled(), UI).toBe(false);
      await save.click();
      await waitFor(() => organiser.wall.getNote(id)?.experiment.measure === 'Peruttujen aikojen osuus', UI.timeout, 'the server to have the fields');
      expect(organiser.wall.getNote(id)?.experiment).toEqual({ owner: 'Oona', measure: 'Peruttujen aikojen osuus' });
      await unsaved.waitFor({ state: 'detached', ...UI });
      await context.close();
    } finally {
      organiser.wall.process.setTaskLocked(task.id, false);
      task = notesTask;
      organiser.wall.control.setCurrentTask(task.id);
    }
  });
});
