/**
 * The core wall tasks with the keyboard alone, as a participant who does not use a mouse: join,
 * pick a group, write, edit, recolour, delete and undo, move a note within and between columns
 * with Alt+arrows and with the move dialog, the skip link to the own group, and dialogs that trap
 * and restore focus. Every step checks where the focus is and what the polite live region said.
 * Focus only ever moves by key presses here (Tab, arrows, Enter, Esc), never by clicking.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { createWall } from '../helpers/server';
import { dialogFocus, expectFocus, expectFocusTrapped, focused, literal, tabTo } from '../helpers/keyboard';
import { NOTE_MENU, pressNoteAction } from '../helpers/noteActions';
import { column, noteByText } from '../helpers/wallPage';

const suite = useBrowserSuite();
let page: Page;
let link: string;

/** The live region's text, once it settles on `expected`. */
async function expectAnnounced(p: Page, expected: string | RegExp): Promise<void> {
  const region = p.getByRole('status', { name: 'Ilmoitukset' });
  await expect.poll(() => region.textContent(), { timeout: 8_000 }).toMatch(expected);
}

const texts = (p: Page, group: string) => column(p, group).locator('article .note__text').allTextContents();

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Näppäimistö' });
  link = wall.links.participant;
  const context = await suite.chromium.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  // Fail a step within the test's own time, naming the step, rather than at the test timeout.
  page.setDefaultTimeout(10_000);
});

describe('the wall with the keyboard alone', () => {
  it('joins: name, group with arrow keys, Enter', async () => {
    await page.goto(link);
    await tabTo(page, /^input "Nimi, joka näkyy muille"/);
    await page.keyboard.type('Näppis');
    await tabTo(page, /^input "(Ryhmä \d|Ei omaa ryhmää)/);
    // Arrow keys move the choice within the radio group, as in every native radio group.
    for (let i = 0; i < 5 && !/"Ryhmä 2"/.test(await focused(page)); i++) await page.keyboard.press('ArrowDown');
    await expectFocus(page, /^input "Ryhmä 2"/);
    expect(await page.getByRole('radio', { name: 'Ryhmä 2' }).isChecked()).toBe(true);
    await tabTo(page, /^button "Siirry seinälle"/);
    await page.keyboard.press('Enter');
    await page.locator('main section[data-group-id]').first().waitFor({ timeout: 10_000 });
  });

  it('the skip link puts the focus on the own group heading', async () => {
    // From the top of the page.
    await page.reload();
    await page.locator('main section[data-group-id]').first().waitFor();
    await tabTo(page, /^a "Siirry omaan ryhmääsi"/, { max: 4 });
    await page.keyboard.press('Enter');
    await expectFocus(page, /^h2 "Ryhmä 2" in Ryhmä 2$/);
  });

  it('writes three notes: Ctrl+Enter sends, the focus stays for the next', async () => {
    await tabTo(page, /^textarea .* in Ryhmä 2$/);
    for (const text of ['Ensimmäinen', 'Toinen', 'Kolmas']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Control+Enter');
      await noteByText(page, text).waitFor();
      await expectAnnounced(page, 'Lappu lisätty ryhmään Ryhmä 2.');
      await expectFocus(page, /^textarea .* in Ryhmä 2$/);
    }
    expect(await texts(page, 'Ryhmä 2')).toEqual(['Ensimmäinen', 'Toinen', 'Kolmas']);
  });

  it('edits a note: Enter on Muokkaa, type, Ctrl+Enter; Esc cancels back to Muokkaa', async () => {
    await tabTo(page, /^article "Toinen"/, { back: true });
    await tabTo(page, /^button "Muokkaa" in Ryhmä 2 on "Toinen"$/);
    await page.keyboard.press('Enter');
    await expectFocus(page, /^textarea "Lapun teksti" in Ryhmä 2$/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Toinen, muokattu');
    await page.keyboard.press('Control+Enter');
    await noteByText(page, 'Toinen, muokattu').waitFor();
    await expectAnnounced(page, 'Lappu tallennettu.');
    await expectFocus(page, /^button "Muokkaa" in Ryhmä 2 on "Toinen, muokattu"$/);

    await page.keyboard.press('Enter');
    await expectFocus(page, /^textarea "Lapun teksti"/);
    await page.keyboard.type(' ei tallennu');
    await page.keyboard.press('Escape');
    await expectFocus(page, /^button "Muokkaa" in Ryhmä 2 on "Toinen, muokattu"$/);
    expect(await texts(page, 'Ryhmä 2')).toEqual(['Ensimmäinen', 'Toinen, muokattu', 'Kolmas']);
  });

  it('recolours a note: the colour radios with arrow keys, then Tallenna', async () => {
    const note = noteByText(page, 'Toinen, muokattu');
    const before = await note.getAttribute('class');
    await page.keyboard.press('Enter');
    // The editor puts the focus on its text itself: tabbing on before it has would race it.
    await expectFocus(page, /^textarea "Lapun teksti"/);
    await tabTo(page, /^input "/);
    const firstColour = await focused(page);
    await page.keyboard.press('ArrowRight');
    const chosen = await focused(page);
    expect(chosen).not.toBe(firstColour);
    await tabTo(page, /^button "Tallenna"/);
    await page.keyboard.press('Enter');
    await expectAnnounced(page, 'Lappu tallennettu.');
    await expect.poll(() => note.getAttribute('class')).not.toBe(before);
    await expectFocus(page, /^button "Muokkaa" in Ryhmä 2 on "Toinen, muokattu"$/);
  });

  it('moves a note within its column and to the next column with Alt+arrows', async () => {
    await tabTo(page, /^article "Toinen, muokattu"/, { back: true });
    await page.keyboard.press('Alt+ArrowDown');
    await expectAnnounced(page, 'Lappu siirretty: Ryhmä 2, kohta 3/3.');
    expect(await texts(page, 'Ryhmä 2')).toEqual(['Ensimmäinen', 'Kolmas', 'Toinen, muokattu']);
    await expectFocus(page, /^article "Toinen, muokattu" in Ryhmä 2$/);

    await page.keyboard.press('Alt+ArrowUp');
    await expectAnnounced(page, 'Lappu siirretty: Ryhmä 2, kohta 2/3.');
    await expectFocus(page, /^article "Toinen, muokattu" in Ryhmä 2$/);

    await page.keyboard.press('Alt+ArrowLeft');
    await expectAnnounced(page, /^Lappu siirretty: Ryhmä 1, kohta 1\/1\.$/);
    await expectFocus(page, /^article "Toinen, muokattu" in Ryhmä 1$/);
    await page.keyboard.press('Alt+ArrowRight');
    await expectAnnounced(page, /^Lappu siirretty: Ryhmä 2, kohta \d\/3\.$/);
    await expectFocus(page, /^article "Toinen, muokattu" in Ryhmä 2$/);
  });

  it('the move dialog from the note\'s menu: focus inside, Tab stays inside, Esc restores focus to the menu\'s button', async () => {
    const where = ' in Ryhmä 2 on "Toinen, muokattu"';
    await pressNoteAction(page, noteByText(page, 'Toinen, muokattu'), 'Siirrä', where);
    const dialog = page.getByRole('dialog', { name: 'Siirrä lappu' });
    await dialog.waitFor();
    await expect.poll(() => dialogFocus(page)).toBe('dialog');
    await expectFocusTrapped(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocus(page, new RegExp(`^button "${NOTE_MENU}"${literal(where)}$`));
  });

  it('the move dialog moves down within the column and to another group', async () => {
    const note = noteByText(page, 'Ensimmäinen');
    const index = async () => (await texts(page, 'Ryhmä 2')).indexOf('Ensimmäinen');
    const where = ' in Ryhmä 2 on "Ensimmäinen"';
    await tabTo(page, /^article "Ensimmäinen"/, { back: true });
    await pressNoteAction(page, note, 'Siirrä', where);
    const dialog = page.getByRole('dialog', { name: 'Siirrä lappu' });
    await dialog.waitFor();
    const from = await index();
    await tabTo(page, /^button "↓ Siirrä alas"/);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectAnnounced(page, `Lappu siirretty: Ryhmä 2, kohta ${from + 2}/3.`);
    expect(await index()).toBe(from + 1);
    await expectFocus(page, new RegExp(`^(button "${NOTE_MENU}"${literal(where)}|article "Ensimmäinen" in Ryhmä 2)$`));

    await pressNoteAction(page, note, 'Siirrä', where);
    await dialog.waitFor();
    await tabTo(page, /^select "Siirrä ryhmään"/);
    // The first other group is chosen already; ArrowDown picks the next one.
    await page.keyboard.press('ArrowDown');
    const target = await page.locator('#move-target option:checked').textContent();
    await tabTo(page, /^button "Siirrä ryhmään"/);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectAnnounced(page, new RegExp(`^Lappu siirretty: ${target}, kohta 1/1\\.$`));
    const groupOf = () => note.evaluate((el) => el.closest('section[data-group-id]')?.querySelector('h2')?.textContent);
    await expect.poll(groupOf).toBe(target);
    expect(await note.count()).toBe(1);
    await expectFocus(page, new RegExp(`^article "Ensimmäinen" in ${target}$`));
  }, 60_000);

  it('deletes with Enter on Poista in the note\'s menu, focus goes to a neighbouring note; Kumoa brings it back with focus on it', async () => {
    await tabTo(page, /^article "Kolmas" in Ryhmä 2$/, { back: true });
    const column2 = await texts(page, 'Ryhmä 2');
    const at = column2.indexOf('Kolmas');
    // The focus goes to the next note, else the previous one, else the group heading.
    const neighbour = column2[at + 1] ?? column2[at - 1];
    await pressNoteAction(page, noteByText(page, 'Kolmas'), 'Poista', ' in Ryhmä 2 on "Kolmas"');
    await noteByText(page, 'Kolmas').waitFor({ state: 'detached' });
    await expectAnnounced(page, 'Lappu poistettu.');
    await expectFocus(page, neighbour ? new RegExp(`^article "${neighbour}" in Ryhmä 2$`) : /^h2 "Ryhmä 2"/);

    await tabTo(page, /^button "Kumoa"/, { max: 80 });
    await page.keyboard.press('Enter');
    await noteByText(page, 'Kolmas').waitFor();
    await expectAnnounced(page, 'Lappu palautettu.');
    await expectFocus(page, /^article "Kolmas" in Ryhmä 2$/);
  });
});
