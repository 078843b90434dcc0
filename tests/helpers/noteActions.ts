/**
 * A note card's actions as a person reaches them: the card shows one action button, and the
 * others are in its "⋯" menu ("Lapun toiminnot"). Tests name the action; these helpers press its
 * button, or open the card's menu and choose it there, so no test repeats the menu's steps.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectFocus, focused, literal, pressOn } from './keyboard';

export const NOTE_MENU = 'Lapun toiminnot';

/** The card's "⋯" button. */
export const noteMenuButton = (note: Locator): Locator => note.getByRole('button', { name: NOTE_MENU, exact: true });

/** The card's open menu's item called `name`. */
export const noteMenuItem = (note: Locator, name: string): Locator => {
  const menu = note.getByRole('menu');
  return menu.getByRole('menuitem', { name, exact: true }).or(menu.getByRole('menuitemcheckbox', { name, exact: true }));
};

/** The action's own button on the card, when the card shows it outside the menu. */
const directButton = (note: Locator, name: string): Locator => note.getByRole('button', { name, exact: true });

/** Waits until the card has built its actions (nearNotes.ts) and tells whether `name` is in its menu. */
async function inMenu(note: Locator, name: string): Promise<boolean> {
  await directButton(note, name).or(noteMenuButton(note)).first().waitFor();
  return (await directButton(note, name).count()) === 0;
}

/** Clicks the card's action `name` ("Poista", "Siirrä", …), through the card's menu when it is there. */
export async function noteAction(note: Locator, name: string): Promise<void> {
  if (!(await inMenu(note, name))) return directButton(note, name).click();
  await noteMenuButton(note).click();
  await noteMenuItem(note, name).click();
}

/**
 * The same with the keyboard alone: Tab to the action's button, or to the card's menu button,
 * Enter, and ArrowDown to the action; then Enter. `where` ends the focus description of the
 * card's controls, e.g. ` in Ryhmä 2 on "Toinen"` (see focused()).
 */
export async function pressNoteAction(p: Page, note: Locator, name: string, where: string, { back = false, max = 80 } = {}): Promise<void> {
  const wanted = new RegExp(`^button "${literal(name)}"${literal(where)}$`);
  if (!(await inMenu(note, name))) return pressOn(p, wanted, { back, max });
  await pressOn(p, new RegExp(`^button "${NOTE_MENU}"${literal(where)}$`), { back, max });
  // The menu opens with the focus on its first item.
  await expectFocus(p, new RegExp(`^button "(?!${NOTE_MENU})`));
  for (let i = 0; i < 6 && !wanted.test(await focused(p)); i++) await p.keyboard.press('ArrowDown');
  expect(await focused(p), `ArrowDown did not reach ${name} in the note's menu`).toMatch(wanted);
  await p.keyboard.press('Enter');
}
