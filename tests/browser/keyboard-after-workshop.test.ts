/**
 * The screens around the wall with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows,
 * Escape; never a click): the projector's slideshow and its join code, the report's sections,
 * an export and a follow-up update, and the review's feedback form, search, filters, reactions
 * and comments.
 * Every control the keyboard reaches shows a visible focus ring.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateWallResponse } from '../../shared/schemas';
import { useBrowserSuite } from '../helpers/browserSuite';
import { expectFocus, expectVisibleFocus, focused, pressOn, tabTo } from '../helpers/keyboard';
import { connectClient, createWall, waitFor, type TestClient } from '../helpers/server';
import { knowWall, screenLink } from '../helpers/wallPage';

const suite = useBrowserSuite();
let wall: CreateWallResponse;
let facilitator: TestClient;
let task: string;

async function openPage(link: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await suite.chromium.newContext({ viewport });
  // The browser that created the wall knows its participant link: the projector's QR code needs it.
  await knowWall(context, wall, 'Näppäimillä');
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(link);
  return page;
}

const count = (page: Page) => page.getByTestId('review-count').textContent();

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Näppäimillä' });
  facilitator = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await facilitator.synced;
  const w = facilitator.wall;
  const [g1, g2] = w.groups();
  task = w.process.firstTaskId()!;
  const add = (groupId: string, text: string) => w.addNote({ groupId, taskId: task, text, color: 'yellow', authorName: null, authorId: null })!;
  add(g1!.id, 'Jonot ovat pitkiä');
  w.setChosen(add(g1!.id, 'Kukaan ei soita takaisin'), true);
  add(g2!.id, 'Jonotusaika ei näy missään');
  add(g2!.id, 'Lomakkeet ovat vaikeita');
  add(g2!.id, 'Tieto ei kulje');
  w.control.setCurrentTask(task);
  w.control.setReviewFeedback(true);
  w.feedback.setOpen(true);
  return () => facilitator.destroy();
});

describe('the projector with the keyboard alone', () => {
  it('shows the join code, steps through the slideshow both ways, and Escape returns to the button', async () => {
    const page = await openPage(screenLink(wall.links.facilitator, 'projector'), { width: 1920, height: 1080 });
    await page.locator('li[data-note-id]').nth(4).waitFor();
    expect(await page.getByRole('img', { name: 'QR-koodi osallistujan linkkiin' }).isVisible()).toBe(true);
    expect(await page.getByTestId('join-address').textContent()).toMatch(/\/j\/[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);

    await pressOn(page, /^button "Näytä yksi kerrallaan"/);
    const position = page.getByTestId('slide-position');
    await expect.poll(() => position.textContent()).toBe('1 / 5');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toBe('3 / 5');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toBe('2 / 5');
    // The buttons work from the keyboard too, and the last "Next" keeps the focus.
    await pressOn(page, /^button "Seuraava"/);
    await expect.poll(() => position.textContent()).toBe('3 / 5');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await expect.poll(() => position.textContent()).toBe('5 / 5');
    expect(await focused(page)).toMatch(/^button "Seuraava"/);
    await pressOn(page, /^button "Edellinen"/, { back: true, key: 'Space' });
    await expect.poll(() => position.textContent()).toBe('4 / 5');
    expect(await page.locator('.slideshow__slide').textContent()).toContain('Lomakkeet ovat vaikeita');
    // The join code stays on screen while the slides run.
    expect(await page.getByTestId('join-address').isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await page.locator('li[data-note-id]').nth(4).waitFor();
    await expectFocus(page, /^button "Näytä yksi kerrallaan"/);
    await expectVisibleFocus(page);
    await page.context().close();
  });
});

describe('the report with the keyboard alone', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openPage(screenLink(wall.links.facilitator, 'report'));
    await page.getByRole('heading', { level: 1 }).waitFor();
  });

  it('moves between sections with the "on this page" links', async () => {
    await pressOn(page, /^a "Viennit"/);
    await expectFocus(page, /^h2 "Viennit"/);
    await expectVisibleFocus(page);
    expect(await page.getByRole('heading', { name: 'Viennit' }).isVisible()).toBe(true);
    const inView = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    // Back up to the links and on to another section; Tab then continues inside it.
    await pressOn(page, /^a "Teksti toimintamallin kuvaukseen"/, { back: true });
    await expectFocus(page, /^h2 "Teksti toimintamallin kuvaukseen"/);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^textarea "Teksti toimintamallin kuvaukseen"/);
  });

  it('downloads an export', async () => {
    const download = page.waitForEvent('download');
    await pressOn(page, /^button "Koko prosessi \(Markdown\)"/);
    expect((await download).suggestedFilename()).toBe(`pajaseina-${wall.id}-export.md`);
  });

  it('posts a follow-up update, which the review then lists', async () => {
    await tabTo(page, /^textarea "Uusi päivitys"/);
    await page.keyboard.type('Soittoajat tulivat verkkosivulle');
    await pressOn(page, /^button "Julkaise päivitys"/);
    await waitFor(() => facilitator.wall.followups.all().some((f) => f.text === 'Soittoajat tulivat verkkosivulle'), 10_000);
    await page.locator('.followups li', { hasText: 'Soittoajat tulivat verkkosivulle' }).waitFor();
  });
});

describe('the review with the keyboard alone', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openPage(screenLink(wall.links.participant, 'review'));
    await page.getByTestId('review-note').first().waitFor();
  });

  it('answers the feedback form, and an unanswered question takes the focus', async () => {
    await tabTo(page, /^input "Kyllä"/);
    await expectVisibleFocus(page);
    // Arrow keys choose within the first question's radio group.
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, /^input "Osittain"/);
    await pressOn(page, /^button "Lähetä vastaus"/);
    await expect.poll(() => page.getByRole('status', { name: 'Ilmoitukset' }).textContent()).toBe('Vastaa molempiin kysymyksiin.');
    await expectFocus(page, /^input "Kyllä"/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('feedback-changed');
    await page.keyboard.press('Space');
    await tabTo(page, /^textarea "Mitä muuta haluat sanoa\? \(vapaaehtoinen\)"/);
    await page.keyboard.type('Hyvä kokemus');
    await pressOn(page, /^button "Lähetä vastaus"/);
    await waitFor(() => facilitator.wall.feedback.answers().length === 1, 10_000);
    expect(facilitator.wall.feedback.answers()[0]).toMatchObject({ heard: 'partly', changed: 'yes', comment: 'Hyvä kokemus' });
  });

  it('searches and filters', async () => {
    await tabTo(page, /^input "Hae lapuista"/);
    await expectVisibleFocus(page);
    await page.keyboard.type('jono');
    await expect.poll(() => count(page)).toBe('2 lappua näkyy');
    await tabTo(page, /^select "Ryhmä"/);
    await expectVisibleFocus(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => count(page)).toBe('1 lappua näkyy');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => count(page)).toBe('2 lappua näkyy');
    await tabTo(page, /^input "Vain jatkoon valitut"/);
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect.poll(() => count(page)).toBe('Yksikään lappu ei vastaa hakua.');
    await page.keyboard.press('Space');
    await expect.poll(() => count(page)).toBe('2 lappua näkyy');
  });

  it('reacts "I recognise this" and "I agree"', async () => {
    // The first note in the columns is Ryhmä 1's "Jonot ovat pitkiä".
    await pressOn(page, /^button "Tunnistan tämän: 0"/);
    await expectFocus(page, /^button "Tunnistan tämän: 1"/);
    await pressOn(page, /^button "Olen samaa mieltä: 0"/, { back: true, key: 'Space' });
    await expectFocus(page, /^button "Olen samaa mieltä: 1"/);
    await waitFor(() => facilitator.wall.reactions.all().length === 2, 10_000);
    const note = facilitator.wall.notes().find((n) => n.text === 'Jonot ovat pitkiä')!;
    expect(facilitator.wall.reactions.on(note.id).map((r) => r.kind).sort()).toEqual(['agree', 'recognise']);
  });

  it('writes a comment and sends it with Enter', async () => {
    await tabTo(page, /^input "Kommentoi lappua"/);
    await expectVisibleFocus(page);
    await page.keyboard.type('Sama kokemus');
    await page.keyboard.press('Enter');
    await waitFor(() => facilitator.wall.comments.all().some((c) => c.text === 'Sama kokemus'), 10_000);
    await expect.poll(() => page.getByRole('status', { name: 'Ilmoitukset' }).textContent()).toBe('Kommentti lähetetty.');
    // The keyboard stays in the emptied field, ready for another comment.
    await expectFocus(page, /^input "Kommentoi lappua"/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('');
  });

  it('lists the follow-up update posted from the report', async () => {
    await page.locator('#followups li', { hasText: 'Soittoajat tulivat verkkosivulle' }).waitFor();
  });
});
