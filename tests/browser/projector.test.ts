/**
 * The projector screen at 1920×1080: eight groups of ten short notes fit without scrolling beside
 * the task's mirror material, it follows the facilitator's current task and mirror material, the slideshow steps with the keyboard, and the join
 * panel's short address opens the wall's join view. The facilitator's changes come from a real
 * Yjs client, as they would from the facilitator's own browser.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import type { BrowserContext, Page } from 'playwright-core';
import type { CreateWallResponse } from '../../shared/schemas';
import { useBrowserSuite } from '../helpers/browserSuite';
import { connectClient, createWall, waitForServerWall, type TestClient } from '../helpers/server';
import { axeViolations, knowWall } from '../helpers/wallPage';

const suite = useBrowserSuite();

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const UI_TIMEOUT = 15_000;
const NOTES = ['Jonoa liian pitkään', 'Kukaan ei soita takaisin', 'Lomake on vaikea', 'Tieto ei kulje', 'Eri ohjeet joka kerta', 'Odotan yksin', 'Asiakas ei tiedä kenelle', 'Kiire ja vaihtuvuus', 'Hyvä vastaanotto', 'Lähete katoaa'];

let facilitator: TestClient;
let wall: CreateWallResponse;
let context: BrowserContext;
let page: Page;
let firstTask: string;
let secondTask: { id: string; title: string };

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Projektoritesti' });
  facilitator = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await facilitator.synced;
  const w = facilitator.wall;
  for (let i = w.groups().length; i < 8; i++) w.addGroup(`Ryhmä ${i + 1}`);
  firstTask = w.process.firstTaskId()!;
  const t2 = w.process.tasks()[1]!;
  secondTask = { id: t2.id, title: t2.title };
  for (const group of w.groups()) {
    for (const text of NOTES) w.addNote({ groupId: group.id, taskId: firstTask, text, color: 'yellow', authorName: null, authorId: null });
  }
  const hidden = w.addNote({ groupId: w.groups()[0]!.id, taskId: firstTask, text: 'Piilotettu lappu', color: 'pink', authorName: null, authorId: null })!;
  w.setHidden(hidden, true);
  w.addNote({ groupId: w.groups()[1]!.id, taskId: t2.id, text: 'Juurisyy: resurssit', color: 'blue', authorName: 'Mari', authorId: 'mari' });
  w.control.setCurrentTask(firstTask);
  // A running timer, so the page is measured (and photographed) with the timer in it.
  w.control.setTimer(15 * 60_000);
  w.control.start(Date.now());
  // Everything above is on the server before any page opens.
  await waitForServerWall(suite.server.url, wall, (w) => w.notes().length === 82, UI_TIMEOUT, 'notes reached the server');

  context = await suite.chromium.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  await knowWall(context, wall, 'Projektoritesti');
  page = await context.newPage();
  await page.goto(`${suite.server.url}/w/${wall.id}/projector#${wall.tokens.facilitator}`);
  await page.locator('li[data-note-id]').nth(79).waitFor({ timeout: UI_TIMEOUT });
});

afterAll(async () => {
  facilitator?.destroy();
});

describe('the projector view', () => {
  it('fits eight groups of ten notes on 1920×1080 without scrolling, with a margin above the smallest text, with mirror material and without; hidden notes left out', async () => {
    await expect.poll(() => page.locator('li[data-note-id]').count()).toBe(80);
    expect(await page.getByText('Piilotettu lappu').count()).toBe(0);
    await page.getByRole('timer').waitFor({ timeout: UI_TIMEOUT });
    const firstTitle = facilitator.wall.process.getTask(firstTask)!.title;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(firstTitle);
    // The join address arrives by a request: wait for it, so the screenshot shows the whole page.
    await page.getByTestId('join-address').waitFor({ timeout: UI_TIMEOUT });
    const measure = () =>
      page.evaluate(async () => {
        // After the next frame: the columns refit their text in a ResizeObserver, which runs then,
        // when the top row or the mirror column has just changed size (the join address arriving).
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const root = document.scrollingElement!;
        const boxes = (selector: string) => [...document.querySelectorAll(selector)].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0);
        const outside = (rects: DOMRect[]) => rects.filter((r) => r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth).length;
        const lists = [...document.querySelectorAll<HTMLElement>('.projector-column__notes')];
        const scrolled = lists.filter((l) => l.scrollHeight > l.clientHeight + 1).length;
        const textPx = parseFloat(getComputedStyle(document.querySelector('li[data-note-id]')!).fontSize);
        // The material's column, or its strip: on the screen, and its label as large as the notes' smallest.
        const mirror = document.querySelector<HTMLElement>('[data-testid="projector-mirror"]');
        const shownText = [...document.querySelectorAll<HTMLElement>('.projector-mirror__text, .projector-mirror__strip')].find((el) => el.offsetWidth > 0);
        return {
          scrollHeight: root.scrollHeight,
          scrollWidth: root.scrollWidth,
          innerHeight,
          innerWidth,
          outside: outside(boxes('li[data-note-id]')),
          scrolled,
          textPx,
          mirror: mirror ? { outside: outside([mirror.getBoundingClientRect(), ...boxes('[data-testid="projector-mirror"] li')]), textPx: parseFloat(getComputedStyle(shownText!).fontSize) } : null,
        };
      });
    const fits = (layout: Awaited<ReturnType<typeof measure>>) => {
      expect(layout.scrollHeight).toBeLessThanOrEqual(layout.innerHeight);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.outside).toBe(0);
      expect(layout.scrolled).toBe(0);
      // Large enough to read from the back of a room, with a margin above the fit's smallest (18)
      // and the 20 asked for here: a little longer notes must not take it below that.
      expect(layout.textPx).toBeGreaterThanOrEqual(22);
    };
    const without = await measure();
    expect(without.mirror).toBeNull();
    fits(without);

    // Mirror material with a link (a QR code) beside the same notes.
    const w = facilitator.wall;
    w.mirror.add({ taskId: firstTask, kind: 'quote', text: 'Soitin kolme kertaa, eikä kukaan soittanut takaisin. Lopulta menin paikan päälle ja jonotin kaksi tuntia.' });
    w.mirror.add({ taskId: firstTask, kind: 'link', text: 'Video: ajanvaraus puhelimessa', url: 'https://www.example.org/videot/ajanvaraus' });
    await expect.poll(() => page.locator('[data-testid="projector-mirror"] li').count(), { timeout: UI_TIMEOUT }).toBe(2);
    const withMaterial = await measure();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'projector.png') });
    fits(withMaterial);
    expect(withMaterial.mirror!.outside).toBe(0);
    expect(withMaterial.mirror!.textPx).toBeGreaterThanOrEqual(20);
  });

  it('has no axe violations', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the task’s mirror material live: kind, text, a QR code and a short address for a link; large one at a time; follows the task', async () => {
    const w = facilitator.wall;
    const mirror = page.getByRole('region', { name: 'Peiliaineisto' });
    const items = mirror.getByRole('listitem');
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    // Beside eight groups of ten notes the material gives the notes its width (the test above
    // measures why): a strip that says how much there is and opens it large.
    const strip = mirror.getByRole('button', { name: 'Peiliaineisto (2)' });
    await strip.waitFor({ timeout: UI_TIMEOUT });
    expect(await items.count()).toBe(0);
    await strip.click();
    const position = page.getByTestId('mirror-position');
    await expect.poll(() => position.textContent()).toBe('1 / 2');
    await page.keyboard.press('Escape');
    await page.locator('li[data-note-id]').nth(79).waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Peiliaineisto (2)');

    // A task with few notes: the material in full beside them, or nothing at all when it has none.
    w.control.setCurrentTask(secondTask.id);
    await expect.poll(heading, { timeout: UI_TIMEOUT }).toBe(secondTask.title);
    await expect.poll(() => mirror.count(), { timeout: UI_TIMEOUT }).toBe(0);
    const url = 'https://www.example.org/palaute/2024/?vuosi=2024';
    const id = w.mirror.add({ taskId: secondTask.id, kind: 'feedback', text: 'En tiennyt, että raskausaikana kuuluu käydä hammashoidossa.', url })!;
    const item = page.locator(`[data-mirror-id="${id}"]`);
    await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).toContain('En tiennyt, että raskausaikana');
    expect(await item.textContent()).toContain('Asiakaspalaute');
    // Nobody can click a projected link: a QR code of the whole address, and the address shortened.
    const qr = item.getByRole('img', { name: 'QR-koodi linkkiin example.org/palaute/2024' });
    expect(await qr.getAttribute('viewBox')).toBe(`0 0 ${encode(url, { ecc: 'M', border: 0 }).size + 4} ${encode(url, { ecc: 'M', border: 0 }).size + 4}`);
    expect(await item.getByRole('link').textContent()).toBe('example.org/palaute/2024');
    expect(await item.getByRole('link').getAttribute('href')).toBe(url);
    expect(await items.allTextContents()).toHaveLength(1);
    // The facilitator edits it on the wall.
    w.mirror.update(id, { text: 'Kukaan ei kertonut hammashoidosta.' });
    await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).toContain('Kukaan ei kertonut hammashoidosta.');
    w.mirror.add({ taskId: secondTask.id, kind: 'figure', text: 'Lähetteitä 12 % perheistä' });
    await expect.poll(() => items.count(), { timeout: UI_TIMEOUT }).toBe(2);
    expect(await mirror.getByRole('button', { name: /Peiliaineisto \(/ }).count()).toBe(0);

    // Back to the first task: its own material, not this one's.
    w.control.setCurrentTask(firstTask);
    await expect.poll(() => mirror.textContent(), { timeout: UI_TIMEOUT }).toContain('Soitin kolme kertaa');
    expect(await mirror.textContent()).not.toContain('Lähetteitä 12 %');
    w.control.setCurrentTask(secondTask.id);
    await expect.poll(() => items.count(), { timeout: UI_TIMEOUT }).toBe(2);

    // Large, one at a time, for when the room looks at the material together.
    await mirror.getByRole('button', { name: 'Näytä suurena' }).click();
    await expect.poll(() => position.textContent()).toBe('1 / 2');
    expect(await page.locator('li[data-note-id]').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toBe('2 / 2');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toBe('1 / 2');
    const large = page.locator(`.mirror-show[data-mirror-id="${id}"]`);
    expect(await large.textContent()).toContain('Kukaan ei kertonut hammashoidosta.');
    expect(await large.getByRole('img', { name: 'QR-koodi linkkiin example.org/palaute/2024' }).getAttribute('width')).toBe('300');
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'projector-mirror.png') });
    // On a phone-width screen (400 % zoom) the large view reflows instead of scrolling sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    const sideways = () => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
    await expect.poll(sideways).toBeLessThanOrEqual(1);
    const qrRight = async () => {
      const box = (await large.getByRole('img').boundingBox())!;
      return box.x + box.width;
    };
    await expect.poll(qrRight).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.keyboard.press('Escape');
    await page.locator('li[data-note-id]').first().waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Näytä suurena');

    // Removed on the wall, gone from the screen.
    w.mirror.remove(id);
    await expect.poll(() => items.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await page.getByText('Kukaan ei kertonut hammashoidosta.').count()).toBe(0);
    w.control.setCurrentTask(firstTask);
    await expect.poll(() => page.locator('li[data-note-id]').count(), { timeout: UI_TIMEOUT }).toBe(80);
  });

  it('says when the column cuts a long text, and opens that item large to be read in full', async () => {
    const w = facilitator.wall;
    w.control.setCurrentTask(secondTask.id);
    const mirror = page.getByRole('region', { name: 'Peiliaineisto' });
    const story =
      'Kun lapsi syntyi, kukaan ei kertonut, mihin soittaa, jos imetys ei onnistu. Neuvolassa sanottiin, että se kuuluu synnytyssairaalalle, ja sairaalassa, että neuvolalle. ' +
      'Soitin kolmeen numeroon ja jonotin joka kerta yli puoli tuntia. Lopulta ystävä neuvoi imetystukiryhmän, josta sain apua samana päivänä. ' +
      'Olisin tarvinnut yhden ihmisen, joka tietää, kenelle asia kuuluu.';
    const long = w.mirror.add({ taskId: secondTask.id, kind: 'quote', text: story })!;
    const longItem = page.locator(`[data-mirror-id="${long}"]`);
    const showAll = longItem.getByRole('button', { name: 'Näytä koko teksti' });
    await showAll.waitFor({ timeout: UI_TIMEOUT });
    // The short figure left by the test above is whole: no sign on it.
    const short = mirror.getByRole('listitem').filter({ hasText: 'Lähetteitä 12 % perheistä' });
    expect(await short.count()).toBe(1);
    expect(await short.getByRole('button').count()).toBe(0);

    // The large view opens at this item, with all of its text on the screen.
    await showAll.click();
    await expect.poll(() => page.getByTestId('mirror-position').textContent()).toBe('2 / 2');
    const large = page.locator(`.mirror-show[data-mirror-id="${long}"]`);
    expect(await large.locator('.mirror-show__text').textContent()).toBe(story);
    const cut = await large.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(cut).toBeLessThanOrEqual(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Näytä koko teksti');

    // Edited short on the wall, the text is whole again and the sign goes.
    w.mirror.update(long, { text: 'Kukaan ei kertonut, mihin soittaa.' });
    await expect.poll(() => longItem.textContent(), { timeout: UI_TIMEOUT }).toContain('Kukaan ei kertonut, mihin soittaa.');
    await expect.poll(() => showAll.count()).toBe(0);
    w.mirror.remove(long);
    w.control.setCurrentTask(firstTask);
    await expect.poll(() => page.locator('li[data-note-id]').count(), { timeout: UI_TIMEOUT }).toBe(80);
  });

  it('shows a QR code and a short address that opens the wall’s join view', async () => {
    const qr = page.getByRole('img', { name: 'QR-koodi osallistujan linkkiin' });
    await qr.waitFor({ timeout: UI_TIMEOUT });
    expect(await qr.locator('path').count()).toBe(1);
    const address = (await page.getByTestId('join-address').textContent())!;
    expect(address).toMatch(/^127\.0\.0\.1:\d+\/j\/[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);
    // Someone in the room types the address on their own phone.
    const phone = await (await suite.chromium.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(`http://${address}`);
    await phone.getByLabel('Nimi, joka näkyy muille').waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(phone.url()).hash).toBe(`#${wall.tokens.participant}`);
    await phone.context().close();
  });

  it('steps through the notes one at a time with the keyboard', async () => {
    await page.getByRole('button', { name: 'Näytä yksi kerrallaan' }).click();
    const position = page.getByTestId('slide-position');
    await expect.poll(() => position.textContent()).toBe('1 / 80');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toBe('3 / 80');
    const slide = page.locator('.slideshow__slide');
    expect(await slide.textContent()).toContain('Ryhmä 1');
    expect(await slide.textContent()).toContain(NOTES[2]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toBe('2 / 80');
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await expect.poll(() => position.textContent()).toBe('3 / 80');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('li[data-note-id]').nth(79).waitFor({ timeout: UI_TIMEOUT });
    // The keyboard is back on the button that opened the slideshow.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Näytä yksi kerrallaan');
  });

  it('counts arrow keys pressed as soon as the slideshow opens and in quick succession', async () => {
    // In the page's own turn: open, wait only for the first draw, then two keys without waiting for a frame.
    await page.evaluate(async () => {
      const open = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Näytä yksi kerrallaan')!;
      open.click();
      const position = () => document.querySelector('[data-testid="slide-position"]')?.textContent;
      while (!position()) await new Promise((resolve) => setTimeout(resolve, 0));
      dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    await expect.poll(() => page.getByTestId('slide-position').textContent()).toBe('3 / 80');
    await page.keyboard.press('Escape');
    await page.locator('li[data-note-id]').nth(79).waitFor({ timeout: UI_TIMEOUT });
  });

  it('follows the facilitator to another task, with names only when they are shown', async () => {
    facilitator.wall.control.bringEveryoneHere(secondTask.id);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: UI_TIMEOUT }).toBe(secondTask.title);
    await expect.poll(() => page.locator('li[data-note-id]').count()).toBe(1);
    const note = page.locator('li[data-note-id]');
    expect(await note.textContent()).toContain('Juurisyy: resurssit');
    expect(await note.textContent()).toContain('Mari');
    // One note gets large text, and the group names grow with it; a name may wrap between its
    // words but never inside one ("Ryhm" / "ä 1"): every word lies on one line.
    const splitWords = () => page.locator('.projector-column__name').evaluateAll((names) =>
      names.flatMap((name) => {
        const text = name.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return [`${name.textContent}: not plain text`];
        const split: string[] = [];
        for (const m of (text.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index!);
          range.setEnd(text, m.index! + m[0].length);
          if (range.getClientRects().length > 1) split.push(m[0]);
        }
        return split;
      }),
    );
    await expect.poll(splitWords, { timeout: UI_TIMEOUT }).toEqual([]);
    facilitator.wall.control.setShowAuthors(false);
    await expect.poll(() => note.textContent(), { timeout: UI_TIMEOUT }).toBe('Juurisyy: resurssit');
    facilitator.wall.control.setCurrentTask(firstTask);
    await expect.poll(() => page.locator('li[data-note-id]').count(), { timeout: UI_TIMEOUT }).toBe(80);
  });

  it('shows vote counts once the vote is closed, most votes first', async () => {
    const w = facilitator.wall;
    const group = w.groups()[2]!;
    const a = w.addNote({ groupId: group.id, taskId: secondTask.id, text: 'Vähän ääniä', color: 'green', authorName: null, authorId: null })!;
    const b = w.addNote({ groupId: group.id, taskId: secondTask.id, text: 'Paljon ääniä', color: 'green', authorName: null, authorId: null })!;
    w.process.setVoting(secondTask.id, { state: 'open' });
    w.votes.cast(secondTask.id, a, 'voter-1');
    w.votes.cast(secondTask.id, b, 'voter-1');
    w.votes.cast(secondTask.id, b, 'voter-2');
    w.control.setCurrentTask(secondTask.id);
    const notes = page.locator(`[data-group-id="${group.id}"] li[data-note-id]`);
    await expect.poll(() => notes.count(), { timeout: UI_TIMEOUT }).toBe(2);
    // While the vote is open the projector shows no counts.
    expect(await notes.allTextContents()).toEqual(['Vähän ääniä', 'Paljon ääniä']);
    w.process.setVoting(secondTask.id, { state: 'closed' });
    await expect.poll(() => notes.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['Paljon ääniä2 ääntä', 'Vähän ääniä1 ääni']);
    w.control.setCurrentTask(firstTask);
    await expect.poll(() => page.locator('li[data-note-id]').count(), { timeout: UI_TIMEOUT }).toBe(80);
  });

  it('shows an experiment card’s owner and numbers', async () => {
    const w = facilitator.wall;
    const task = w.process.tasks().find((t) => t.kind === 'experiments')!;
    const id = w.addNote({ groupId: w.groups()[0]!.id, taskId: task.id, text: 'Soitto viikon päästä', color: 'orange', authorName: null, authorId: null })!;
    w.setExperimentField(id, 'owner', 'Sari');
    w.setExperimentField(id, 'measure', 'Lähetteiden osuus');
    w.setExperimentField(id, 'baseline', '12 %');
    w.setExperimentField(id, 'target', '48 %');
    w.control.setCurrentTask(task.id);
    const note = page.locator(`li[data-note-id="${id}"]`);
    await expect.poll(() => note.textContent(), { timeout: UI_TIMEOUT }).toContain('Lähetteiden osuus: 12 % → tavoite 48 %');
    expect(await note.textContent()).toContain('Sari');
    w.control.setCurrentTask(firstTask);
    await expect.poll(() => page.locator('li[data-note-id]').count(), { timeout: UI_TIMEOUT }).toBe(80);
  });

  it('keeps the notes off the screen during private writing, showing only how many there are', async () => {
    facilitator.wall.process.setPrivateWriting(firstTask, true);
    await expect.poll(() => page.locator('li[data-note-id]').count(), { timeout: UI_TIMEOUT }).toBe(0);
    await page.getByText('Ryhmät kirjoittavat nyt omiin sarakkeisiinsa').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.projector-column__count').allTextContents()).toEqual(Array(8).fill('10 lappua'));
    facilitator.wall.process.setPrivateWriting(firstTask, false);
    await expect.poll(() => page.locator('li[data-note-id]').count(), { timeout: UI_TIMEOUT }).toBe(80);
  });

  it('opens from the facilitator’s wall in a new tab with the same link', async () => {
    const ctx = await suite.chromium.newContext({ viewport: { width: 1280, height: 800 } });
    const wallPage = await ctx.newPage();
    await wallPage.goto(wall.links.facilitator);
    const link = wallPage.getByRole('link', { name: /Esitysnäkymä/ });
    await link.waitFor({ timeout: UI_TIMEOUT });
    expect(await link.getAttribute('target')).toBe('_blank');
    const [projector] = await Promise.all([ctx.waitForEvent('page'), link.click()]);
    await projector!.locator('li[data-note-id]').first().waitFor({ timeout: UI_TIMEOUT });
    expect(projector!.url()).toBe(`${suite.server.url}/w/${wall.id}/projector#${wall.tokens.facilitator}`);
    await ctx.close();
  });

  it('puts more than eight groups on pages', async () => {
    const big = await createWall(suite.server.url, { title: 'Iso seinä', template: 'blank' });
    const client = connectClient(suite.server.url, big.id, big.tokens.facilitator);
    await client.synced;
    for (let i = client.wall.groups().length; i < 10; i++) client.wall.addGroup(`Ryhmä ${i + 1}`);
    const ctx = await suite.chromium.newContext({ viewport: { width: 1920, height: 1080 } });
    const p = await ctx.newPage();
    await p.goto(`${suite.server.url}/w/${big.id}/projector#${big.tokens.facilitator}`);
    const names = p.locator('.projector-column__name');
    await expect.poll(() => names.count(), { timeout: UI_TIMEOUT }).toBe(8);
    expect(await p.getByText('Sivu 1 / 2').count()).toBe(1);
    // By keyboard: on the last page the button stays focused (aria-disabled) rather than dropping the focus.
    await p.getByRole('button', { name: 'Seuraava sivu' }).focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => names.allTextContents()).toEqual(['Ryhmä 9', 'Ryhmä 10']);
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Seuraava sivu');
    expect(await p.getByRole('button', { name: 'Seuraava sivu' }).getAttribute('aria-disabled')).toBe('true');
    // This browser did not create the wall: the join panel says how to get the link.
    expect(await p.getByText('Tällä laitteella ei ole osallistujan linkkiä').count()).toBe(1);
    client.destroy();
    await ctx.close();
  });
});
