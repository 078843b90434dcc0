/**
 * A note card shows one action button (the one its viewer uses most) and a "⋯" menu, "Lapun
 * toiminnot", with the rest: the WAI-ARIA menu button pattern. The keys open it on the first (or
 * last) item, arrows move and wrap, Escape closes it back onto its button, Tab and a click
 * outside close it, one menu is open at a time; hide, edit, move and delete work from it (the
 * move dialog and the editor give the focus back to the menu's button); it works by touch at
 * 320 px without sideways scrolling; axe finds nothing with it open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { CreateWallResponse } from '../../shared/schemas';
import { useBrowserSuite } from '../helpers/browserSuite';
import { expectFocus, focused, tabTo } from '../helpers/keyboard';
import { noteMenuButton, noteMenuItem } from '../helpers/noteActions';
import { connectClient, createWall, waitForServerWall, type TestClient } from '../helpers/server';
import { addNote, axeViolations, joinAsParticipant, noteByText } from '../helpers/wallPage';

const suite = useBrowserSuite();
let wall: CreateWallResponse;
let seeder: TestClient;
let page: Page;

const FIRST = 'Jonot ovat pitkiä';
const SECOND = 'Kukaan ei soita takaisin';
const ELSEWHERE = 'Lomakkeet ovat vaikeita';

/** The names of the card's buttons outside its menu, as a screen reader lists them. */
const cardButtons = (note: Locator) =>
  note.evaluate((card) =>
    [...card.querySelectorAll('button')].filter((b) => !b.closest('[role="menu"]')).map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim()),
  );
/** The names of the items in the card's open menu. */
const menuItems = (note: Locator) => note.getByRole('menu').locator('[role^="menuitem"]').allTextContents();
const expanded = (note: Locator) => noteMenuButton(note).getAttribute('aria-expanded');

async function openPage(viewport: { width: number; height: number }, touch = false): Promise<Page> {
  // The server's CSP (script-src 'self') would refuse the injected axe script.
  const context = await suite.chromium.newContext({ viewport, bypassCSP: true, hasTouch: touch, isMobile: touch });
  const p = await context.newPage();
  p.setDefaultTimeout(10_000);
  return p;
}

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Lapun valikko' });
  seeder = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await seeder.synced;
  const w = seeder.wall;
  const [g1, g2] = w.groups();
  const task = w.process.firstTaskId()!;
  const add = (groupId: string, text: string) => w.addNote({ groupId, taskId: task, text, color: 'yellow', authorName: 'Aino', authorId: 'Aino', authorRole: 'client' });
  add(g1!.id, FIRST);
  add(g1!.id, SECOND);
  add(g2!.id, ELSEWHERE);
  await waitForServerWall(suite.server.url, wall, (sw) => sw.notes().length === 3, 10_000, 'the seeded notes reached the server');
  page = await openPage({ width: 1280, height: 900 });
  await page.goto(wall.links.facilitator);
  await noteByText(page, FIRST).waitFor();
});

afterAll(() => seeder?.destroy());

describe('a note card and its menu', () => {
  it('shows the facilitator "Valitse jatkoon" and the menu, with the other actions in the menu', async () => {
    const note = noteByText(page, FIRST);
    expect(await cardButtons(note)).toEqual(['Valitse jatkoon', 'Lapun toiminnot']);
    const button = noteMenuButton(note);
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await expanded(note)).toBe('false');
    expect(await note.getByRole('menu').count()).toBe(0);
  });

  it('shows a participant "Muokkaa" on their own note, and "Valitse jatkoon" on the others', async () => {
    const participant = await openPage({ width: 1280, height: 900 });
    await joinAsParticipant(participant, wall.links.participant, 'Liisa', 'Ryhmä 1');
    await addNote(participant, 'Liisan oma lappu');
    const own = noteByText(participant, 'Liisan oma lappu');
    await noteMenuButton(own).waitFor();
    expect(await cardButtons(own)).toEqual(['Muokkaa', 'Lapun toiminnot']);
    await noteMenuButton(own).click();
    expect(await menuItems(own)).toEqual(['Valitse jatkoon', 'Siirrä', 'Poista']);
    expect(await cardButtons(noteByText(participant, FIRST))).toEqual(['Valitse jatkoon', 'Lapun toiminnot']);
    await participant.context().close();
  });

  it('opens with Enter on the first item; arrows move and wrap; Escape closes back onto the button', async () => {
    const note = noteByText(page, FIRST);
    const where = ` in Ryhmä 1 on "${FIRST}"`;
    await tabTo(page, new RegExp(`^button "Lapun toiminnot"${where}$`));
    await page.keyboard.press('Enter');
    await expectFocus(page, new RegExp(`^button "Piilota"${where}$`));
    expect(await expanded(note)).toBe('true');
    expect(await menuItems(note)).toEqual(['Piilota', 'Muokkaa', 'Siirrä', 'Poista']);
    expect(await noteMenuButton(note).getAttribute('aria-controls')).toBe(await note.getByRole('menu').getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, new RegExp(`^button "Muokkaa"${where}$`));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expectFocus(page, new RegExp(`^button "Poista"${where}$`));
    await page.keyboard.press('Home');
    await expectFocus(page, new RegExp(`^button "Piilota"${where}$`));
    await page.keyboard.press('End');
    await expectFocus(page, new RegExp(`^button "Poista"${where}$`));
    await page.keyboard.press('Escape');
    await expectFocus(page, new RegExp(`^button "Lapun toiminnot"${where}$`));
    expect(await note.getByRole('menu').count()).toBe(0);
    expect(await expanded(note)).toBe('false');
  });

  it('opens with Space and ArrowDown on the first item, with ArrowUp on the last; Tab closes it and goes on', async () => {
    const note = noteByText(page, FIRST);
    const where = ` in Ryhmä 1 on "${FIRST}"`;
    for (const [key, item] of [
      ['Space', 'Piilota'],
      ['ArrowDown', 'Piilota'],
      ['ArrowUp', 'Poista'],
    ] as const) {
      await expectFocus(page, new RegExp(`^button "Lapun toiminnot"${where}$`));
      await page.keyboard.press(key);
      await expectFocus(page, new RegExp(`^button "${item}"${where}$`));
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press('Enter');
    await expectFocus(page, new RegExp(`^button "Piilota"${where}$`));
    await page.keyboard.press('Tab');
    await expect.poll(() => note.getByRole('menu').count()).toBe(0);
    // Tab went on past the card's controls, not into the closed menu's items.
    await expectFocus(page, new RegExp(`^(?!button "(Piilota|Muokkaa|Siirrä|Poista|Lapun toiminnot)"${where})`));
    expect(await focused(page)).not.toBe('body');
  });

  it('closes on a click outside; one menu is open at a time', async () => {
    const first = noteByText(page, FIRST);
    // The open menu covers the notes below it in its column: the other menu is in another column.
    const second = noteByText(page, ELSEWHERE);
    await noteMenuButton(first).click();
    await first.getByRole('menu').waitFor();
    await noteMenuButton(second).click();
    await second.getByRole('menu').waitFor();
    await expect.poll(() => first.getByRole('menu').count()).toBe(0);
    expect(await expanded(first)).toBe('false');
    await page.getByRole('heading', { name: 'Ryhmä 1', exact: true }).click();
    await expect.poll(() => second.getByRole('menu').count()).toBe(0);
    expect(await expanded(second)).toBe('false');
  });

  it('hides and shows the note from the menu; the hidden mark stays on the card', async () => {
    const note = noteByText(page, FIRST);
    await noteMenuButton(note).click();
    await noteMenuItem(note, 'Piilota').click();
    await expect.poll(() => note.textContent()).toContain('Piilotettu: vain ohjaaja näkee tämän lapun');
    await expectFocus(page, new RegExp(`^button "Lapun toiminnot" in Ryhmä 1 on "${FIRST}"$`));
    await noteMenuButton(note).click();
    await noteMenuItem(note, 'Näytä kaikille').click();
    await expect.poll(() => note.textContent()).not.toContain('Piilotettu');
  });

  it('chooses the note with its own button: pressed, and "✓ Valittu jatkoon" on the card', async () => {
    const note = noteByText(page, FIRST);
    await note.getByRole('button', { name: 'Valitse jatkoon', exact: true }).click();
    await expect.poll(() => note.getByRole('button', { name: 'Valitse jatkoon', pressed: true }).count()).toBe(1);
    expect(await note.textContent()).toContain('Valittu jatkoon');
    await note.getByRole('button', { name: 'Valitse jatkoon', exact: true }).click();
    await expect.poll(() => note.getByRole('button', { name: 'Valitse jatkoon', pressed: false }).count()).toBe(1);
  });

  it('edits and moves from the menu: the editor and the move dialog give the focus back to the menu button', async () => {
    const note = noteByText(page, SECOND);
    const menuButton = new RegExp(`^button "Lapun toiminnot" in Ryhmä 1 on "${SECOND}"$`);
    await noteMenuButton(note).click();
    await noteMenuItem(note, 'Muokkaa').click();
    await expectFocus(page, /^textarea "Lapun teksti"/);
    await page.keyboard.press('Escape');
    await expectFocus(page, menuButton);

    await noteMenuButton(note).click();
    await noteMenuItem(note, 'Siirrä').click();
    const dialog = page.getByRole('dialog', { name: 'Siirrä lappu' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocus(page, menuButton);
  });

  it('deletes from the menu, and Kumoa brings the note back', async () => {
    const note = noteByText(page, SECOND);
    await noteMenuButton(note).click();
    await noteMenuItem(note, 'Poista').click();
    await note.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Kumoa' }).click();
    await note.waitFor();
  });

  it('axe finds nothing with a menu open', async () => {
    const note = noteByText(page, FIRST);
    await noteMenuButton(note).click();
    await note.getByRole('menu').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('opens upwards when the screen has no room below its button: the whole menu on screen, above the button', async () => {
    const p = await openPage({ width: 1280, height: 900 });
    await p.goto(wall.links.facilitator);
    const note = noteByText(p, SECOND);
    const button = noteMenuButton(note);
    const menu = note.getByRole('menu');
    // Room below: it opens downwards, as the other tests see it.
    await button.click();
    await menu.waitFor();
    const down = (await menu.boundingBox())!;
    expect(down.y).toBeGreaterThan((await button.boundingBox())!.y);
    await p.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);

    // The page scrolled so that the button sits at the window's bottom edge (fully visible, so
    // the click does not scroll it): no room below.
    await button.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - (window.innerHeight - 4)));
    const at = (await button.boundingBox())!;
    expect(at.y + at.height).toBeGreaterThan(900 - 10);
    await button.click();
    await menu.waitFor();
    const up = (await menu.boundingBox())!;
    expect(up.y).toBeGreaterThanOrEqual(0);
    expect(up.y + up.height).toBeLessThanOrEqual(at.y + 1);
    // Still a working menu: the keyboard is in it.
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('role'))).toMatch(/^menuitem/);
    await p.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    await p.context().close();
  });

  it('works by touch at 320 px: the menu fits the screen, a tap chooses, a tap outside closes', async () => {
    const phone = await openPage({ width: 320, height: 640 }, true);
    await phone.goto(wall.links.facilitator);
    const note = noteByText(phone, FIRST);
    await noteMenuButton(note).tap();
    const menu = note.getByRole('menu');
    await menu.waitFor();
    const box = (await menu.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    for (const item of await menu.locator('[role^="menuitem"]').all()) expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(phone)).toEqual([]);

    await noteMenuItem(note, 'Piilota').tap();
    await expect.poll(() => note.textContent()).toContain('Piilotettu');
    await noteMenuButton(note).tap();
    await menu.waitFor();
    await phone.getByRole('heading', { name: 'Ryhmä 1', exact: true }).tap();
    await expect.poll(() => menu.count()).toBe(0);
    await noteMenuButton(note).tap();
    await noteMenuItem(note, 'Näytä kaikille').tap();
    await expect.poll(() => note.textContent()).not.toContain('Piilotettu');
    await phone.context().close();
  });
});
