/**
 * The facilitator shapes the wall's groups; a participant sees every change live. Also: drag
 * and drop of a note, and the language switch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { createWall } from '../helpers/server';
import { addNote, column, joinAsParticipant, noteByText } from '../helpers/wallPage';

const suite = useBrowserSuite();
let facilitator: Page;
let participant: Page;

const headings = (page: Page) => page.locator('main section[data-group-id] h2').allTextContents();

async function expectHeadings(page: Page, expected: string[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  let seen = await headings(page);
  while (JSON.stringify(seen.map((h) => h.trim())) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    seen = await headings(page);
  }
  expect(seen.map((h) => h.trim())).toEqual(expected);
}

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Ryhmätyö' });
  facilitator = await (await suite.chromium.newContext()).newPage();
  participant = await (await suite.chromium.newContext()).newPage();
  await facilitator.goto(wall.links.facilitator);
  await facilitator.locator('main section[data-group-id]').first().waitFor();
  await joinAsParticipant(participant, wall.links.participant, 'Liisa', 'Ryhmä 2');
});

describe('the facilitator manages groups', () => {
  it('adds a group', async () => {
    await facilitator.getByLabel('Uuden ryhmän nimi').fill('Omaiset');
    await facilitator.getByRole('button', { name: 'Lisää ryhmä' }).click();
    await expectHeadings(participant, ['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3', 'Omaiset']);
  });

  it('renames a group', async () => {
    const group = column(facilitator, 'Ryhmä 1');
    await group.getByRole('button', { name: 'Muokkaa ryhmää Ryhmä 1' }).click();
    await group.getByLabel('Ryhmän nimi', { exact: true }).fill('Asiakkaat');
    await group.getByRole('button', { name: 'Tallenna nimi' }).click();
    await expectHeadings(participant, ['Asiakkaat', 'Ryhmä 2', 'Ryhmä 3', 'Omaiset']);
  });

  it('reorders groups', async () => {
    const group = column(facilitator, 'Omaiset');
    await group.getByRole('button', { name: 'Muokkaa ryhmää Omaiset' }).click();
    await group.getByRole('button', { name: 'Siirrä aiemmaksi' }).click();
    await expectHeadings(participant, ['Asiakkaat', 'Ryhmä 2', 'Omaiset', 'Ryhmä 3']);
  });

  it('removes a group with its notes only after confirmation, and can undo it', async () => {
    await addNote(participant, 'Tämä lappu on ryhmässä 2');
    await noteByText(facilitator, 'Tämä lappu on ryhmässä 2').waitFor();
    const group = column(facilitator, 'Ryhmä 2');
    await group.getByRole('button', { name: 'Muokkaa ryhmää Ryhmä 2' }).click();
    await group.getByRole('button', { name: 'Poista ryhmä' }).click();
    const dialog = facilitator.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Ryhmän mukana poistuu 1 lappu.');
    // Cancelling keeps everything.
    await dialog.getByRole('button', { name: /Peruuta/ }).click();
    await expectHeadings(participant, ['Asiakkaat', 'Ryhmä 2', 'Omaiset', 'Ryhmä 3']);

    await group.getByRole('button', { name: 'Poista ryhmä' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Poista ryhmä' }).click();
    await expectHeadings(participant, ['Asiakkaat', 'Omaiset', 'Ryhmä 3']);
    expect(await noteByText(participant, 'Tämä lappu on ryhmässä 2').count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Kumoa' }).click();
    await expectHeadings(participant, ['Asiakkaat', 'Ryhmä 2', 'Omaiset', 'Ryhmä 3']);
    await noteByText(participant, 'Tämä lappu on ryhmässä 2').waitFor({ timeout: 5_000 });
  });
});

describe('notes move by drag and drop', () => {
  it('a note dragged onto another column lands there for everyone', async () => {
    await noteByText(participant, 'Tämä lappu on ryhmässä 2').dragTo(column(participant, 'Omaiset'));
    await column(facilitator, 'Omaiset').locator('article', { hasText: 'Tämä lappu on ryhmässä 2' }).waitFor({ timeout: 5_000 });
    expect(await column(facilitator, 'Ryhmä 2').locator('article').count()).toBe(0);
  });
});

describe('languages', () => {
  it('switches the whole interface to Swedish and back, with <html lang>', async () => {
    await participant.getByLabel('Kieli').selectOption('sv');
    await participant.waitForFunction(() => document.documentElement.lang === 'sv');
    await participant.getByLabel('Språk').waitFor();
    expect(await participant.getByTestId('add-note-submit').textContent()).not.toBe('Lisää lappu');
    await participant.getByLabel('Språk').selectOption('fi');
    await participant.waitForFunction(() => document.documentElement.lang === 'fi');
    expect((await participant.getByTestId('add-note-submit').textContent())?.trim()).toBe('Lisää lappu');
  });
});
