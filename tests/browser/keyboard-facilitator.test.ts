/**
 * The facilitator's work with the keyboard alone: the bar (make a task current, bring everyone
 * here, the timer, locks and visibility, voting with its confirmation dialog), the group tools,
 * the process editor, hiding and choosing notes, mirror material and experiment cards. Focus only moves by key presses (Tab,
 * Shift+Tab, Enter, Space, Escape, arrows); every pressed control shows a visible focus ring, and
 * when a pressed control goes away the focus lands on a sensible one, never on the page's body.
 * A real Yjs client on the same wall checks that each press changed the wall itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { dialogFocus, expectFocus, expectFocusTrapped, expectVisibleFocus, focused, literal, pressOn, size, tabTo } from '../helpers/keyboard';
import { connectClient, createWall, type TestClient } from '../helpers/server';
import { NOTE_MENU, pressNoteAction } from '../helpers/noteActions';
import { noteByText } from '../helpers/wallPage';

const UI = { timeout: 10_000 };
const suite = useBrowserSuite();

let page: Page;
/** The same wall through a second facilitator connection: what the presses did to the Y.Doc. */
let organiser: TestClient;
let taskIds: string[];

const taskHeading = () => page.locator('#task-title').textContent();
const bar = () => page.locator('section.facilitation');
const timer = () => organiser.wall.control.timer();
const task = (id: string) => organiser.wall.process.getTask(id)!;
const groupNames = () => organiser.wall.groups().map((g) => g.name);

const whereFocus = () => dialogFocus(page);


/** Opens one of the bar's disclosure sections with Enter on its summary. */
async function openSection(name: string): Promise<void> {
  const details = bar().locator('details', { has: page.locator('summary', { hasText: name }) });
  await pressOn(page, new RegExp(`^summary "${name}"`));
  await expect.poll(() => details.getAttribute('open'), UI).not.toBeNull();
}

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Ohjaus näppäimillä' });
  organiser = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await organiser.synced;
  taskIds = organiser.wall.process.tasks().map((t) => t.id);
  page = await (await suite.chromium.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(wall.links.facilitator);
  await page.locator('main section[data-group-id]').first().waitFor(UI);
});

afterAll(() => organiser?.destroy());

describe("the facilitator's bar by keyboard", () => {
  it('makes another task current; the focus moves on to "bring everyone here", which then brings everyone', async () => {
    await pressOn(page, /^button "Missä kohdin palvelu ei toimi\?/);
    await expect.poll(taskHeading, UI).toBe('Missä kohdin palvelu ei toimi?');

    await pressOn(page, /^button "Tee tästä nykyinen tehtävä"/);
    await expect.poll(() => organiser.wall.control.currentTaskId(), UI).toBe(taskIds[1]);
    await expect.poll(() => bar().getByRole('status').textContent(), UI).toBe('Tämä on nykyinen tehtävä.');
    // The pressed button is gone: the focus is on the next thing to do, not lost.
    await expectFocus(page, /^button "Tuo kaikki tähän tehtävään"/);
    await expectVisibleFocus(page);

    const seq = organiser.wall.control.focus().seq;
    await page.keyboard.press('Enter');
    await expect.poll(() => organiser.wall.control.focus().seq, UI).toBeGreaterThan(seq);
    await expect.poll(() => bar().getByRole('status').textContent(), UI).toContain('Kaikkien näkymä siirtyi');
    await expectFocus(page, /^button "Tuo kaikki tähän tehtävään"/);
  });

  it('the timer: set, start, pause, +1 and +5 min, start over, remove; the sound is muted with Space', async () => {
    await openSection('Ajastin');
    await tabTo(page, /^input "Minuutit"/);
    await expectVisibleFocus(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await pressOn(page, /^button "Aseta aika"/);
    await expect.poll(timer, UI).toMatchObject({ state: 'paused', durationMs: 180_000, remainingMs: 180_000 });
    await expect.poll(() => page.locator('.timer__time').first().textContent(), UI).toBe('3:00');

    await pressOn(page, /^button "Käynnistä"/);
    await expect.poll(() => timer().state, UI).toBe('running');
    // Start and pause are one place in the tab order: the focus is on the button that now pauses.
    await expectFocus(page, /^button "Pysäytä"/);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => timer().state, UI).toBe('paused');
    await expectFocus(page, /^button "Käynnistä"/);

    const left = timer().remainingMs;
    await pressOn(page, /^button "Lisää 1 min"/);
    await expect.poll(() => timer().remainingMs, UI).toBe(left + 60_000);
    await pressOn(page, /^button "Lisää 5 min"/);
    await expect.poll(() => timer().remainingMs, UI).toBe(left + 360_000);
    await pressOn(page, /^button "Palauta alkuun"/);
    await expect.poll(timer, UI).toMatchObject({ state: 'paused', durationMs: 540_000, remainingMs: 540_000 });
    await expect.poll(() => page.locator('.timer__time').first().textContent(), UI).toBe('9:00');

    // The sound switch is with the clock, above the bar.
    await tabTo(page, /^input "Äänimerkki, kun aika loppuu"/, { back: true });
    await expectVisibleFocus(page);
    const sound = page.getByRole('checkbox', { name: 'Äänimerkki, kun aika loppuu' });
    expect(await sound.isChecked()).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => sound.isChecked(), UI).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('pajaseina:timerSound'))).toBe('false');
    await page.keyboard.press('Space');
    await expect.poll(() => sound.isChecked(), UI).toBe(true);

    await pressOn(page, /^button "Poista ajastin"/);
    await expect.poll(() => timer().state, UI).toBe('idle');
    // The timer's buttons are gone: the focus is on the minutes, ready for a new time.
    await expectFocus(page, /^input "Minuutit"/);
  });

  it('locks and visibility: each checkbox with Space, on and off again, for everyone', async () => {
    await openSection('Lukitus ja näkyvyys');
    const settings: [RegExp, () => boolean][] = [
      [/^input "Lukitse tämä tehtävä/, () => task(taskIds[1]!).locked],
      [/^input "Lukitse koko seinä/, () => organiser.wall.control.locked()],
      [/^input "Kirjoitetaan ensin omassa ryhmässä/, () => task(taskIds[1]!).privateWriting],
      [/^input "Näytä kirjoittajien nimet/, () => organiser.wall.control.showAuthors()],
    ];
    for (const [label, value] of settings) {
      await tabTo(page, label);
      await expectVisibleFocus(page);
      const before = value();
      await page.keyboard.press('Space');
      await expect.poll(value, UI).toBe(!before);
      await page.keyboard.press('Space');
      await expect.poll(value, UI).toBe(before);
      await expectFocus(page, label);
    }
  });

  it('voting: votes per person, open, close; clearing asks in a dialog that traps the focus, Esc cancels, focus comes back', async () => {
    const taskId = taskIds[1]!;
    const groupId = organiser.wall.groups()[0]!.id;
    const noteId = organiser.wall.addNote({ groupId, taskId, text: 'Asiakas ei tiedä, kehen ottaa yhteyttä', color: 'yellow', authorName: null, authorId: null })!;
    await openSection('Äänestys');
    await tabTo(page, /^input "Ääniä kullekin"/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await expect.poll(() => task(taskId).votesPerPerson, UI).toBe(3);
    await tabTo(page, /^input "Piilota äänimäärät/);
    await page.keyboard.press('Space');
    await expect.poll(() => task(taskId).hideVoteCounts, UI).toBe(true);

    await pressOn(page, /^button "Avaa äänestys"/);
    await expect.poll(() => task(taskId).voteState, UI).toBe('open');
    await expectFocus(page, /^button "Sulje äänestys"/);
    organiser.wall.votes.cast(taskId, noteId, 'voter-1');
    organiser.wall.votes.cast(taskId, noteId, 'voter-2');
    await expect.poll(() => bar().textContent(), UI).toContain('Annettu 2 ääntä');
    await page.keyboard.press('Enter');
    await expect.poll(() => task(taskId).voteState, UI).toBe('closed');
    await expectFocus(page, /^button "Avaa äänestys"/);

    await pressOn(page, /^button "Tyhjennä äänet"/);
    const dialog = page.getByRole('dialog', { name: 'Tyhjennetäänkö äänet?' });
    await dialog.waitFor(UI);
    // The safe choice has the focus.
    await expectFocus(page, /^button "Peruuta"/);
    await expectVisibleFocus(page);
    expect(await whereFocus()).toBe('dialog');
    await expectFocusTrapped(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...UI });
    await expectFocus(page, /^button "Tyhjennä äänet"/);
    expect(organiser.wall.votes.inTask(taskId)).toHaveLength(2);

    await page.keyboard.press('Enter');
    await dialog.waitFor(UI);
    await expectFocus(page, /^button "Peruuta"/);
    await page.keyboard.press('Tab');
    expect(await whereFocus()).toBe('dialog');
    await expectFocus(page, /^button "Tyhjennä äänet"/);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', ...UI });
    await expect.poll(() => organiser.wall.votes.inTask(taskId).length, UI).toBe(0);
    // "Clear votes" is disabled now that there are none: the focus is on the open button.
    await expectFocus(page, /^button "Avaa äänestys"/);

    await pressOn(page, /^button "Lopeta äänestys"/);
    await expect.poll(() => task(taskId).voteState, UI).toBe('off');
    await expectFocus(page, /^button "Avaa äänestys"/);
  });
});

describe('groups by keyboard', () => {
  it('adds a group with Enter; the focus stays in the field', async () => {
    await tabTo(page, /^input "Uuden ryhmän nimi"/, { back: true, max: 120 });
    await expectVisibleFocus(page);
    await page.keyboard.type('Omaiset');
    await page.keyboard.press('Enter');
    await expect.poll(groupNames, UI).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3', 'Omaiset']);
    await expectFocus(page, /^input "Uuden ryhmän nimi"/);
  });

  it('renames and moves the group from its tools; Alt+arrow moves it too', async () => {
    await pressOn(page, /^button "Muokkaa ryhmää Omaiset"/, { max: 150 });
    await tabTo(page, /^input "Ryhmän nimi" in Omaiset/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Läheiset');
    await page.keyboard.press('Enter');
    await expect.poll(groupNames, UI).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3', 'Läheiset']);

    await pressOn(page, /^button "Siirrä aiemmaksi" in Läheiset/);
    await expect.poll(groupNames, UI).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Läheiset', 'Ryhmä 3']);
    await expectFocus(page, /^button "Siirrä aiemmaksi" in Läheiset/);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(groupNames, UI).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3', 'Läheiset']);
    await expectFocus(page, / in Läheiset$/);

    // Esc folds the tools away, back onto the button that opened them.
    await page.keyboard.press('Escape');
    await page.locator('.group-tools__panel').waitFor({ state: 'detached', ...UI });
    await expectFocus(page, /^button "Muokkaa ryhmää Läheiset"/);
    await expectVisibleFocus(page);
  });

  it('removes the group after a confirmation (Esc cancels, focus back on the button); Kumoa brings it back', async () => {
    await pressOn(page, /^button "Muokkaa ryhmää Läheiset"/);
    await pressOn(page, /^button "Poista ryhmä" in Läheiset/);
    const dialog = page.getByRole('dialog', { name: 'Poistetaanko ryhmä Läheiset?' });
    await dialog.waitFor(UI);
    await expectFocus(page, /^button "Peruuta"/);
    expect(await whereFocus()).toBe('dialog');
    await expectFocusTrapped(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...UI });
    await expectFocus(page, /^button "Poista ryhmä" in Läheiset/);
    expect(groupNames()).toContain('Läheiset');

    await page.keyboard.press('Enter');
    await dialog.waitFor(UI);
    await expectFocus(page, /^button "Peruuta"/);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button "Poista ryhmä"$/);
    await page.keyboard.press('Enter');
    await expect.poll(groupNames, UI).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3']);
    // The removed group's button is gone: the focus is on the undo.
    await expectFocus(page, /^button "Kumoa"/);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect.poll(groupNames, UI).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3', 'Läheiset']);
    await expectFocus(page, /^button "Muokkaa ryhmää Läheiset"/);
  });
});

describe('the process editor by keyboard', () => {
  const titlesIn = (workshopIndex: number) => {
    const ws = organiser.wall.process.workshops()[workshopIndex];
    return ws ? organiser.wall.process.tasksIn(ws.id).map((t) => t.title) : [];
  };

  it('opens on its heading; adds, renames and reorders a task; the focus follows the task', async () => {
    await pressOn(page, /^button "Muokkaa työpajoja"/, { back: true, max: 150 });
    await expectFocus(page, /^h2 "Muokkaa työpajoja ja tehtäviä"/);

    await tabTo(page, /^input "Uuden tehtävän nimi"/);
    await expectVisibleFocus(page);
    await page.keyboard.type('Mitä kuulimme');
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesIn(0), UI).toEqual(['Asiakkaan polku', 'Missä kohdin palvelu ei toimi?', 'Mitä kuulimme']);
    // The new task's name field has the focus, ready to be corrected.
    await expectFocus(page, /^input "Tehtävän 3 nimi"/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Mitä asiakkaat kertoivat');
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesIn(0)[2], UI).toBe('Mitä asiakkaat kertoivat');

    await pressOn(page, /^button "Aiemmaksi: Mitä asiakkaat kertoivat"/);
    await expect.poll(() => titlesIn(0), UI).toEqual(['Asiakkaan polku', 'Mitä asiakkaat kertoivat', 'Missä kohdin palvelu ei toimi?']);
    await expectFocus(page, /^button "Aiemmaksi: Mitä asiakkaat kertoivat"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesIn(0)[0], UI).toBe('Mitä asiakkaat kertoivat');
    // At the top the pressed button is disabled: the focus stays on the row, on the other direction.
    await expectFocus(page, /^button "Myöhemmäksi: Mitä asiakkaat kertoivat"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesIn(0), UI).toEqual(['Asiakkaan polku', 'Mitä asiakkaat kertoivat', 'Missä kohdin palvelu ei toimi?']);
  });

  it('deletes a task after a confirmation (Esc cancels); Kumoa restores it and the focus returns to its row', async () => {
    await pressOn(page, /^button "Poista tehtävä: Mitä asiakkaat kertoivat"/);
    const dialog = page.getByRole('dialog', { name: 'Poistetaanko ”Mitä asiakkaat kertoivat”?' });
    await dialog.waitFor(UI);
    expect(await whereFocus()).toBe('dialog');
    await expectFocusTrapped(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...UI });
    await expectFocus(page, /^button "Poista tehtävä: Mitä asiakkaat kertoivat"/);

    await page.keyboard.press('Enter');
    await dialog.waitFor(UI);
    await expectFocus(page, /^button "Peruuta"/);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button "Poista tehtävä"$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesIn(0), UI).toEqual(['Asiakkaan polku', 'Missä kohdin palvelu ei toimi?']);
    await expectFocus(page, /^button "Kumoa"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesIn(0), UI).toEqual(['Asiakkaan polku', 'Mitä asiakkaat kertoivat', 'Missä kohdin palvelu ei toimi?']);
    await expectFocus(page, /^button "Poista tehtävä: Mitä asiakkaat kertoivat"/);
    await expectVisibleFocus(page);
  });

  it('adds a workshop with a task, deletes it with its note after a confirmation, and Kumoa brings all back', async () => {
    await tabTo(page, /^input "Uuden työpajan nimi"/);
    await page.keyboard.type('Jälkipuinti');
    await page.keyboard.press('Enter');
    await expect.poll(() => organiser.wall.process.workshops().map((w) => w.title), UI).toContain('Jälkipuinti');
    await expectFocus(page, /^input "Työpajan 5 nimi"/);
    await tabTo(page, /^input "Uuden tehtävän nimi"/);
    await page.keyboard.type('Mitä opimme');
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesIn(4), UI).toEqual(['Mitä opimme']);
    const newTask = organiser.wall.process.tasksIn(organiser.wall.process.workshops()[4]!.id)[0]!;
    await pressOn(page, /^button "Poista työpaja: Jälkipuinti"/, { back: true });
    const dialog = page.getByRole('dialog', { name: 'Poistetaanko ”Jälkipuinti”?' });
    await dialog.waitFor(UI);
    expect(await dialog.textContent()).toContain('Siinä ei ole lappuja.');
    // Someone writes a note in it while the dialog is open: the dialog says it goes too.
    const groupId = organiser.wall.groups()[0]!.id;
    organiser.wall.addNote({ groupId, taskId: newTask.id, text: 'Kokeilu kannatti', color: 'green', authorName: null, authorId: null });
    await expect.poll(() => dialog.textContent(), UI).toContain('Sen mukana poistuu 1 lappu.');
    await expectFocus(page, /^button "Peruuta"/);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button "Poista työpaja"$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => organiser.wall.process.workshops().length, UI).toBe(4);
    expect(organiser.wall.process.getTask(newTask.id)).toBeUndefined();
    expect(organiser.wall.notes().some((n) => n.text === 'Kokeilu kannatti')).toBe(false);
    await expectFocus(page, /^button "Kumoa"/);

    await page.keyboard.press('Enter');
    await expect.poll(() => organiser.wall.process.workshops().map((w) => w.title)[4], UI).toBe('Jälkipuinti');
    expect(titlesIn(4)).toEqual(['Mitä opimme']);
    expect(organiser.wall.notesInTask(newTask.id).map((n) => n.text)).toEqual(['Kokeilu kannatti']);
    await expectFocus(page, /^button "Poista työpaja: Jälkipuinti"/);
  });

  it('Valmis closes the editor and puts the focus back on its opener', async () => {
    await pressOn(page, /^button "Valmis"/, { back: true, max: 150 });
    await page.locator('.process-editor').waitFor({ state: 'detached', ...UI });
    await expectFocus(page, /^button "Muokkaa työpajoja"/);
  });
});

describe('notes as the facilitator, by keyboard', () => {
  it('hides a note from its menu and shows it again; the focus goes back to the menu\'s button', async () => {
    const groupId = organiser.wall.groups()[0]!.id;
    const id = organiser.wall.addNote({ groupId, taskId: taskIds[1]!, text: 'Kotihoito ei vastaa puhelimeen', color: 'yellow', authorName: null, authorId: null })!;
    const note = noteByText(page, 'Kotihoito ei vastaa');
    const where = ' in Ryhmä 1 on "Kotihoito ei vastaa puhelimeen"';
    await note.waitFor(UI);
    await pressNoteAction(page, note, 'Piilota', where);
    await expect.poll(() => organiser.wall.getNote(id)?.hidden, UI).toBe(true);
    await expect.poll(() => note.textContent(), UI).toContain('Piilotettu');
    await expectFocus(page, new RegExp(`^button "${NOTE_MENU}"${literal(where)}$`));
    await pressNoteAction(page, note, 'Näytä kaikille', where);
    await expect.poll(() => organiser.wall.getNote(id)?.hidden, UI).toBe(false);
  });

  it('chooses a note to carry forward, and in the next workshop writes a new note from it', async () => {
    const chosen = organiser.wall.notes().find((n) => n.text === 'Kotihoito ei vastaa puhelimeen')!;
    await pressOn(page, /^button "Valitse jatkoon" in Ryhmä 1 on "Kotihoito ei vastaa puhelimeen"/, { back: true });
    await expect.poll(() => organiser.wall.getNote(chosen.id)?.chosen, UI).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Valitse jatkoon', pressed: true }).count(), UI).toBe(1);

    await pressOn(page, /^button "Miksi ongelmat syntyvät\?/, { back: true, max: 150 });
    await expect.poll(taskHeading, UI).toBe('Miksi ongelmat syntyvät?');
    await pressOn(page, /^button "Kirjoita tästä"/);
    await expectFocus(page, /^textarea /);
    await page.getByText('Uusi lappu jatkaa lappua: Kotihoito ei vastaa').waitFor(UI);
    await page.keyboard.type('Puhelinaikaa on vain tunti päivässä');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => organiser.wall.notes().find((n) => n.text === 'Puhelinaikaa on vain tunti päivässä')?.originId, UI)
      .toBe(chosen.id);
    expect(await focused(page)).toMatch(/^textarea /);
  });
});

describe('mirror material and experiment cards by keyboard', () => {
  const mirrorTexts = () => organiser.wall.mirror.inTask(taskIds[2]!).map((m) => m.text);

  it('adds mirror material: the form opens on its first field, Esc closes it back onto the button', async () => {
    expect(await taskHeading()).toBe('Miksi ongelmat syntyvät?');
    await pressOn(page, /^button "\+ Lisää peiliaineistoa"/, { back: true, max: 150 });
    // The pressed button is replaced by the form: the focus goes into it.
    await expectFocus(page, /^select "Laji"/);
    await page.keyboard.press('Escape');
    await expectFocus(page, /^button "\+ Lisää peiliaineistoa"/);

    await page.keyboard.press('Enter');
    await expectFocus(page, /^select "Laji"/);
    await tabTo(page, /^textarea "Teksti"/);
    await page.keyboard.type('Soitin kolme kertaa, eikä kukaan vastannut.');
    await pressOn(page, /^button "Lisää aineisto"/);
    await expect.poll(mirrorTexts, UI).toEqual(['Soitin kolme kertaa, eikä kukaan vastannut.']);
    await page.keyboard.press('Escape');
    await expectFocus(page, /^button "\+ Lisää peiliaineistoa"/);
  });

  it('edits it (Esc cancels back to Muokkaa), removes it, and Kumoa brings it back with the focus on it', async () => {
    await pressOn(page, /^button "Muokkaa: Soitin kolme kertaa/, { back: true });
    await expectFocus(page, /^select "Laji"/);
    await page.keyboard.press('Escape');
    await expectFocus(page, /^button "Muokkaa: Soitin kolme kertaa/);

    await page.keyboard.press('Enter');
    // The form puts the focus on its first field itself: tabbing on before it has would race it.
    await expectFocus(page, /^select "Laji"/);
    await tabTo(page, /^textarea "Teksti"/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Soitin neljä kertaa.');
    await pressOn(page, /^button "Tallenna"/);
    await expect.poll(mirrorTexts, UI).toEqual(['Soitin neljä kertaa.']);
    await expectFocus(page, /^button "Muokkaa: Soitin neljä kertaa\."/);

    await pressOn(page, /^button "Poista: Soitin neljä kertaa\."/);
    await expect.poll(mirrorTexts, UI).toEqual([]);
    await expectFocus(page, /^button "Kumoa"/);
    await page.keyboard.press('Enter');
    await expect.poll(mirrorTexts, UI).toEqual(['Soitin neljä kertaa.']);
    await expectFocus(page, /^button "Muokkaa: Soitin neljä kertaa\."/);
  });

  it('closing the undo toast with its × keeps the focus in the wall, not on the page body', async () => {
    await pressOn(page, /^button "Poista: Soitin neljä kertaa\."/);
    await expectFocus(page, /^button "Kumoa"/);
    await pressOn(page, /^button "Sulje ilmoitus"/);
    await page.locator('.toast').waitFor({ state: 'detached', ...UI });
    await expectFocus(page, /^main /);
    expect(mirrorTexts()).toEqual([]);
  });

  it('an experiment card: the form opens on its first field; Esc and Tallenna bring the focus back to its button', async () => {
    const experimentTask = organiser.wall.process.tasks().find((t) => t.kind === 'experiments')!;
    const groupId = organiser.wall.groups()[0]!.id;
    const id = organiser.wall.addNote({ groupId, taskId: experimentTask.id, text: 'Takaisinsoitto aamulla', color: 'blue', authorName: null, authorId: null })!;
    await pressOn(page, new RegExp(`^button "${literal(experimentTask.title)}`), { back: true, max: 150 });
    await expect.poll(taskHeading, UI).toBe(experimentTask.title);
    await noteByText(page, 'Takaisinsoitto aamulla').waitFor(UI);

    const edit = /^button "Muokkaa kokeilun tietoja" in Ryhmä 1 on "Takaisinsoitto aamulla"/;
    await pressOn(page, edit);
    await expectFocus(page, /^input "Kuka vastaa"/);
    await page.keyboard.type('Ei tallennu');
    await page.keyboard.press('Escape');
    await expectFocus(page, edit);
    expect(organiser.wall.getNote(id)?.experiment.owner ?? '').toBe('');

    await page.keyboard.press('Enter');
    await expectFocus(page, /^input "Kuka vastaa"/);
    await page.keyboard.type('Kotihoidon esihenkilö');
    await pressOn(page, /^button "Tallenna"/);
    await expect.poll(() => organiser.wall.getNote(id)?.experiment.owner, UI).toBe('Kotihoidon esihenkilö');
    await expectFocus(page, edit);
  });
});

describe('back to where the others are, by keyboard', () => {
  it('the back button gives way to the current task, whose heading takes the focus', async () => {
    expect(await taskHeading()).not.toBe('Missä kohdin palvelu ei toimi?');
    await pressOn(page, /^button "Takaisin sinne, missä muut ovat"/, { back: true, max: 150 });
    await expect.poll(taskHeading, UI).toBe('Missä kohdin palvelu ei toimi?');
    await expectFocus(page, /^h2 "Missä kohdin palvelu ei toimi\?"/);
  });
});

describe('touch targets on a phone', () => {
  /** The visible controls among `groups` smaller than 44 × 44 px, as "text: w×h"; each group must match some. */
  async function tooSmall(groups: Locator[]): Promise<string[]> {
    const small: string[] = [];
    for (const group of groups) {
      expect(await group.count()).toBeGreaterThan(0);
      for (const control of await group.all()) {
        if (!(await control.isVisible())) continue;
        const { width, height } = await size(control);
        if (width < 44 || height < 44) small.push(`${(await control.textContent())?.trim()}: ${width}×${height}`);
      }
    }
    return small;
  }

  it("every button of the bar, the group tools, the process editor and the undo toast is at least 44 × 44 px", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const name of ['Ajastin', 'Lukitus ja näkyvyys', 'Äänestys']) {
      const details = bar().locator('details', { has: page.locator('summary', { hasText: name }) });
      if ((await details.getAttribute('open')) === null) await openSection(name);
    }
    organiser.wall.control.setTimer(60_000);
    await bar().getByRole('button', { name: 'Käynnistä' }).waitFor(UI);
    await pressOn(page, /^button "Muokkaa ryhmää Ryhmä 1"/);
    const buttons = page.locator('.facilitation button, .facilitation summary, .group-tools button');
    await pressOn(page, /^button "Muokkaa työpajoja"/, { back: true, max: 150 });
    const editorButtons = page.locator('.process-editor button');
    await pressOn(page, /^button "Poista tehtävä: Mitä asiakkaat kertoivat"/, { max: 150 });
    // The dialog opens on the next render: Tab only once it has the focus.
    await expectFocus(page, /^button "Peruuta"/);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button "Poista tehtävä"$/);
    await page.keyboard.press('Enter');
    await expectFocus(page, /^button "Kumoa"/);
    const toastButtons = page.locator('.toast button');

    expect(await tooSmall([buttons, editorButtons, toastButtons])).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => organiser.wall.process.getTask(organiser.wall.process.tasks()[1]!.id)?.title, UI).toBe('Mitä asiakkaat kertoivat');
  });

  it('the starting points and the mirror material are at least 44 × 44 px too', async () => {
    await pressOn(page, /^button "Valmis"/, { back: true, max: 150 });
    await page.locator('.process-editor').waitFor({ state: 'detached', ...UI });
    organiser.wall.mirror.add({ taskId: taskIds[2]!, kind: 'quote', text: 'Odotin kaksi viikkoa.', url: '' });
    organiser.wall.control.setCurrentTask(taskIds[2]!);
    await expect.poll(taskHeading, UI).toBe('Miksi ongelmat syntyvät?');
    await page.locator('.starting-points').waitFor(UI);
    await page.locator('.mirror-item').waitFor(UI);
    const controls = [
      page.locator('.starting-points button, .starting-points a'),
      page.locator('.mirror button'),
    ];
    expect(await tooSmall(controls)).toEqual([]);
  });
});
