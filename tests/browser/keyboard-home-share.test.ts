/**
 * The organiser's first steps with the keyboard alone: on the home page, create a wall (name,
 * template by arrow keys, submit), open it as the facilitator, and use the share dialog (the
 * focus stays inside it, a copy button works with Enter, Esc closes it and the focus returns to
 * "Jaa linkit"). Focus only moves by key presses; every pressed control shows a focus ring.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { dialogFocus, expectFocus, expectFocusTrapped, expectVisibleFocus, focused, literal, pressOn, tabTo } from '../helpers/keyboard';
import { connectClient } from '../helpers/server';

const UI = { timeout: 10_000 };
const TITLE = 'Näppäimillä luotu seinä';
const suite = useBrowserSuite();

let page: Page;

const whereFocus = () => dialogFocus(page);

beforeAll(async () => {
  const context = await suite.chromium.newContext({
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});

describe('creating a wall and sharing it by keyboard', () => {
  it('creates a wall from the home page: name, "Tyhjä seinä" by arrow key, "Luo seinä"', async () => {
    await page.goto(suite.server.url);
    await tabTo(page, /^input "Seinän nimi"/);
    await expectVisibleFocus(page);
    await page.keyboard.type(TITLE);

    // Tab onto the radio group lands on the checked template; ArrowDown chooses the next one.
    await tabTo(page, /^input "Neljän työpajan runko/);
    await expectVisibleFocus(page);
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, /^input "Tyhjä seinä/);
    expect(await page.locator('input[name="template"][value="blank"]').isChecked()).toBe(true);

    await pressOn(page, /^button "Luo seinä"/);
    // The focus moves to the result heading, so the links are read next.
    await expectFocus(page, /^h2 "Seinä on valmis: Näppäimillä luotu seinä"/);
  });

  it('opens the new wall as the facilitator with "Avaa seinä ohjaajana"', async () => {
    await pressOn(page, /^a "Avaa seinä ohjaajana"/);
    await page.waitForURL(/\/w\//, UI);
    await page.getByRole('button', { name: 'Jaa linkit' }).waitFor(UI);
    await expect.poll(() => page.locator('h1').textContent(), UI).toBe(TITLE);

    // The wall really was made with the blank template: one group to begin with.
    const match = /\/w\/([^/#?]+)[^#]*#(.+)$/.exec(page.url());
    expect(match, `facilitator link ${page.url()}`).not.toBeNull();
    const client = connectClient(suite.server.url, match![1]!, match![2]!);
    try {
      await client.synced;
      expect(client.wall.groups()).toHaveLength(1);
    } finally {
      client.destroy();
    }
  });

  it('opens the share dialog with Enter; Tab and Shift+Tab stay inside it', async () => {
    await pressOn(page, /^button "Jaa linkit"/);
    const dialog = page.getByRole('dialog', { name: 'Seinän linkit' });
    await dialog.waitFor(UI);
    await expect.poll(whereFocus, UI).toBe('dialog');
    await expectFocusTrapped(page, 40);
    expect(await whereFocus()).toBe('dialog');
  });

  it('copies the facilitator link with Enter: the button says so and the clipboard holds the link', async () => {
    const input = page.locator('dialog[open] input[data-link-role="facilitator"]');
    const link = await input.inputValue();
    expect(link).toMatch(/^http/);
    await pressOn(page, /^button "Kopioi ohjaajan linkki"/);
    await expect.poll(() => focused(page), UI).toMatch(/^button "✓ Kopioitu"/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Ohjaajan linkki kopioitu.' }).count(), UI).toBe(1);
  });

  it('Esc closes the dialog and the focus returns to "Jaa linkit"', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count(), UI).toBe(0);
    await expectFocus(page, /^button "Jaa linkit"/);
    await expectVisibleFocus(page);
  });

  it('makes a link for the one group with Enter; the focus stays on that row, and the link can be copied with Enter', async () => {
    await pressOn(page, /^button "Jaa linkit"/);
    await expect.poll(whereFocus, UI).toBe('dialog');
    const row = page.locator('dialog[open] li[data-group-link]');
    const name = (await row.getAttribute('data-group-link'))!;
    await pressOn(page, new RegExp(`^button "Luo linkki ryhmälle ${literal(name)}"`));
    const input = row.getByLabel(`Ryhmän ${name} linkki`);
    await input.waitFor(UI);
    expect(await input.inputValue()).toMatch(/^http/);
    // The pressed button now renews the link; the focus must not drop out of the dialog.
    await expectFocus(page, new RegExp(`^button "Uusi ryhmän ${literal(name)} linkki"`));
    await pressOn(page, new RegExp(`^button "Kopioi ryhmän ${literal(name)} linkki"`), { back: true });
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), UI).toBe(await input.inputValue());
  });

  it('replaces the participant link by keyboard: the confirmation has Cancel focused, and the focus comes back to the button', async () => {
    const input = page.locator('dialog[open] input[data-link-role="participant"]');
    const old = await input.inputValue();
    await pressOn(page, /^button "Luo uusi osallistujan linkki"/, { back: true });
    await page.getByRole('dialog', { name: 'Luodaanko uusi linkki?' }).waitFor(UI);
    await expectFocus(page, /^button "Peruuta"/);
    await pressOn(page, /^button "Luo uusi linkki"/);
    await expect.poll(() => input.inputValue(), UI).not.toBe(old);
    await expectFocus(page, /^button "Luo uusi osallistujan linkki"/);
    await expectVisibleFocus(page);
  });

  it('sets a deletion date by typing it, saves with Enter, and the focus stays on the save button', async () => {
    await tabTo(page, /^input "Seinä poistetaan palvelimelta tänä päivänä"/);
    await expectVisibleFocus(page);
    // The date field's parts follow the browser's own locale (day or month first, year last):
    // 3 March of next year reads the same either way.
    const year = new Date().getFullYear() + 1;
    await page.keyboard.type(`0303${year}`);
    expect(await page.locator('#retention-date').inputValue()).toBe(`${year}-03-03`);
    await pressOn(page, /^button "Tallenna poistopäivä"/);
    await expect.poll(() => page.getByTestId('retention-current').textContent(), UI).toBe(`Seinä poistetaan 3. maaliskuuta ${year}.`);
    await expectFocus(page, /^button "Tallenna poistopäivä"/);
  });

  it('deletes the wall by keyboard: "Poista seinä", Cancel has the focus, the name typed, the home page says so', async () => {
    await pressOn(page, /^button "Poista seinä"/);
    await page.getByRole('dialog', { name: `Poistetaanko seinä ${TITLE}?` }).waitFor(UI);
    // The safe choice has the focus.
    await expectFocus(page, /^button "Peruuta"/);
    await tabTo(page, new RegExp(`^input "Vahvista kirjoittamalla seinän nimi: ${literal(TITLE)}"`), { back: true });
    await expectVisibleFocus(page);
    await page.keyboard.type(TITLE);
    await pressOn(page, /^button "Poista seinä lopullisesti"/);
    await page.waitForURL((url) => url.pathname === '/', UI);
    await page.getByText('Seinä on poistettu palvelimelta ja tältä laitteelta.').waitFor(UI);
  });
});
