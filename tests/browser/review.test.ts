/**
 * The viewer link's calm review: every group side by side, browsing by workshop and task,
 * search and filters; comments and reactions when the facilitator allows them; the frozen wall
 * said on screen; no axe violations of any impact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { connectClient, createWall, waitFor, type TestClient } from '../helpers/server';
import { axeViolations, screenLink } from '../helpers/wallPage';
import type { CreateWallResponse } from '../../shared/schemas';

const suite = useBrowserSuite();

let wall: CreateWallResponse;
let facilitator: TestClient;
let viewer: Page;

const count = (page: Page) => page.getByTestId('review-count').textContent();
async function expectCount(page: Page, text: string) {
  await waitFor(async () => (await count(page))?.trim() === text, 10_000, `count "${text}", saw "${await count(page)}"`);
}

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Katselmointi' });
  facilitator = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await facilitator.synced;
  const w = facilitator.wall;
  const [g1, g2, g3] = w.groups();
  const task = w.process.firstTaskId()!;
  const add = (groupId: string, text: string, color: 'yellow' | 'pink' | 'blue') =>
    w.addNote({ groupId, taskId: task, text, color, authorName: null, authorId: null })!;
  add(g1!.id, 'Jonot ovat pitkiä', 'yellow');
  const chosen = add(g1!.id, 'Asiakas ei tiedä kehen ottaa yhteyttä', 'pink');
  add(g2!.id, 'Jonotusaika ei näy missään', 'blue');
  add(g3!.id, 'Lomakkeet ovat vaikeita', 'yellow');
  w.setChosen(chosen, true);
  w.process.setVoting(task, { state: 'open' });
  w.votes.cast(task, chosen, 'someone');
  viewer = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
  await viewer.goto(wall.links.viewer);
  await viewer.getByTestId('review-note').first().waitFor();
});

afterAll(async () => {
  facilitator?.destroy();
});

describe('the review view', () => {
  it('opens from the viewer link with every group side by side, read-only', async () => {
    await expect(viewer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Katselmointi');
    expect(await viewer.locator('.review-column h3').allTextContents()).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3']);
    await expectCount(viewer, '4 lappua näkyy');
    expect(await viewer.getByRole('textbox', { name: 'Kommentoi lappua' }).count()).toBe(0);
    expect(await viewer.getByTestId('add-note-text').count()).toBe(0);
  });

  it('lines up the filter row: the search field and the selects as tall as each other, on one line', async () => {
    const page = await (await suite.chromium.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    await page.goto(wall.links.viewer);
    await page.getByTestId('review-note').first().waitFor();
    const boxes = await page.locator('.review-filters select, .review-filters input[type="search"], .review-filters .choice').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { kind: el.tagName === 'LABEL' ? 'choice' : el.tagName === 'SELECT' ? 'select' : 'search', bottom: Math.round(r.bottom), height: Math.round(r.height) };
      }),
    );
    expect(boxes.map((b) => b.kind)).toEqual(['select', 'select', 'search', 'select', 'select', 'choice', 'choice']);
    // The fields fit one row at this width: one bottom edge, one height (the search field was 4 px
    // taller than the selects). The two checkboxes, which may wrap, level with each other.
    const fields = boxes.filter((b) => b.kind !== 'choice');
    expect(new Set(fields.map((b) => b.bottom)).size).toBe(1);
    expect(new Set(fields.map((b) => b.height)).size).toBe(1);
    expect(new Set(boxes.filter((b) => b.kind === 'choice').map((b) => `${b.bottom} ${b.height}`)).size).toBe(1);
    await page.context().close();
  });

  it('searches and filters by text, group, colour, chosen notes and votes', async () => {
    await viewer.getByLabel('Hae lapuista').fill('jono');
    await expectCount(viewer, '2 lappua näkyy');
    const texts = await viewer.getByTestId('review-note').locator('.review-note__text').allTextContents();
    expect(texts.sort()).toEqual(['Jonot ovat pitkiä', 'Jonotusaika ei näy missään']);
    await viewer.getByLabel('Ryhmä', { exact: true }).selectOption({ label: 'Ryhmä 2' });
    await expectCount(viewer, '1 lappua näkyy');
    await viewer.getByLabel('Hae lapuista').fill('');
    await viewer.getByLabel('Ryhmä', { exact: true }).selectOption({ label: 'Kaikki ryhmät' });
    await viewer.getByLabel('Väri').selectOption({ label: 'Keltainen' });
    await expectCount(viewer, '2 lappua näkyy');
    await viewer.getByLabel('Väri').selectOption({ label: 'Kaikki värit' });
    await viewer.getByLabel('Vain jatkoon valitut').check();
    await expectCount(viewer, '1 lappua näkyy');
    await expect(viewer.getByTestId('review-note').textContent()).resolves.toContain('Valittu jatkoon');
    await viewer.getByLabel('Vain jatkoon valitut').uncheck();
    await viewer.getByLabel('Vain laput, joilla on ääniä').check();
    await expectCount(viewer, '1 lappua näkyy');
    await expect(viewer.getByTestId('review-note').textContent()).resolves.toContain('1 ääntä');
    await viewer.getByLabel('Vain laput, joilla on ääniä').uncheck();
    await viewer.getByLabel('Hae lapuista').fill('ei ole missään tällaista');
    await expectCount(viewer, 'Yksikään lappu ei vastaa hakua.');
    await viewer.getByLabel('Hae lapuista').fill('');
    await expectCount(viewer, '4 lappua näkyy');
  });

  it('browses by workshop and task', async () => {
    const workshops = facilitator.wall.process.workshops();
    await viewer.getByLabel('Työpaja').selectOption({ label: workshops[1]!.title });
    await expectCount(viewer, '0 lappua näkyy');
    const task = facilitator.wall.process.tasksIn(workshops[1]!.id)[0]!;
    await expect(viewer.locator('#review-task-heading').textContent()).resolves.toBe(task.title);
    await viewer.getByLabel('Työpaja').selectOption({ label: workshops[0]!.title });
    await expectCount(viewer, '4 lappua näkyy');
  });

  it('has no axe violations', async () => {
    expect(await axeViolations(viewer)).toEqual([]);
  });

  it('lets participants react and comment while the facilitator allows it, and shows a frozen wall', async () => {
    facilitator.wall.control.setReviewFeedback(true);
    const page = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
    await page.goto(screenLink(wall.links.participant, 'review'));
    const note = page.getByTestId('review-note').filter({ hasText: 'Jonot ovat pitkiä' });
    await note.getByRole('button', { name: 'Tunnistan tämän: 0' }).click();
    await note.getByRole('button', { name: 'Tunnistan tämän: 1' }).waitFor();
    await note.getByRole('textbox', { name: 'Kommentoi lappua' }).fill('Sama kokemus minulla');
    await note.getByRole('button', { name: 'Lähetä kommentti' }).click();
    await waitFor(() => facilitator.wall.comments.all().length === 1 && facilitator.wall.reactions.all().length === 1, 10_000);
    expect(facilitator.wall.reactions.all()[0]!.kind).toBe('recognise');
    // The viewer sees the response, without controls.
    await viewer.getByTestId('review-note').filter({ hasText: 'Sama kokemus minulla' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    facilitator.wall.control.setFrozen(true);
    await page.locator('p.notice', { hasText: 'Seinä on suljettu' }).waitFor();
    expect(await page.getByRole('button', { name: /Tunnistan tämän/ }).count()).toBe(0);
    await viewer.locator('p.notice', { hasText: 'Seinä on suljettu' }).waitFor();
  });
});
