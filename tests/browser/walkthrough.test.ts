/**
 * The README's walkthrough of running the four workshops, as screenshots of a real session: a
 * four-workshop wall made through the API and filled by real Yjs clients (problems in workshop 1
 * with one chosen for the next step, mirror material, a running timer, an experiment card in
 * workshop 4), then the facilitator's wall, a participant's phone, the projector and its
 * slideshow. Each page is checked for what the picture is meant to show before it is taken.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { CreateWallResponse } from '../../shared/schemas';
import { launchBrowser, type LaunchedBrowser } from '../helpers/browser';
import { connectClient, createWall, startServer, waitForServerWall, type TestClient, type TestServer } from '../helpers/server';
import { joinAsParticipant, noteByText } from '../helpers/wallPage';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const UI = { timeout: 20_000 };

let server: TestServer;
let chromium: LaunchedBrowser;
let wall: CreateWallResponse;
let organiser: TestClient;
let task1: { id: string; title: string };
let task2: { id: string; title: string };
let experiments: { id: string; title: string };

const PROBLEMS: Record<string, string[]> = {
  'Ryhmä 1': ['Kutsu neuvolaan tulee kirjeenä, jota en ymmärrä', 'Hammashoitolaan ei pääse puhelimella', 'Kukaan ei kertonut, että raskausaikana kuuluu käydä'],
  'Ryhmä 2': ['Neuvola ja hammashoitola eivät tiedä toisistaan', 'Ajan voi varata vain aamulla', 'Lähete katoaa välillä'],
  'Ryhmä 3': ['Asiakas ei tiedä, kenelle soittaa', 'Tulkkia ei ole varattu', 'Hyvä vastaanotto, kun sinne pääsee'],
};
const CHOSEN = 'Kukaan ei kertonut, että raskausaikana kuuluu käydä';

/** This browser made the wall: it knows the participant link (the projector's join panel needs it). */
async function knowWall(ctx: BrowserContext): Promise<void> {
  const entry = { id: wall.id, title: 'Suun terveys raskausaikana', role: 'facilitator', link: wall.links.facilitator, links: wall.links, lastOpened: 1 };
  await ctx.addInitScript((value) => {
    if (!localStorage.getItem('pajaseina:walls')) localStorage.setItem('pajaseina:walls', value);
  }, JSON.stringify([entry]));
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A full-page shot draws beyond the viewport, where the browser skips painting the notes
  // (content-visibility: auto, styles/notes-perf.css): the shot would show empty columns.
  // Set through the CSSOM: the server's CSP refuses inline style attributes.
  if (fullPage) await page.evaluate(() => document.querySelectorAll<HTMLElement>('.note-item').forEach((item) => (item.style.contentVisibility = 'visible')));
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage });
}

beforeAll(async () => {
  server = await startServer();
  chromium = await launchBrowser();
  wall = await createWall(server.url, { title: 'Suun terveys raskausaikana', template: 'four-workshops' });
  organiser = connectClient(server.url, wall.id, wall.tokens.facilitator);
  await organiser.synced;
  const w = organiser.wall;
  const tasks = w.process.tasks();
  task1 = tasks[0]!;
  const workshop2 = w.process.workshops()[1]!;
  task2 = w.process.tasksIn(workshop2.id)[0]!;
  experiments = tasks.find((t) => t.kind === 'experiments')!;

  // Workshop 1: every group's problems; one chosen to carry into the root-cause workshop.
  for (const group of w.groups()) {
    for (const text of PROBLEMS[group.name] ?? []) {
      const id = w.addNote({ groupId: group.id, taskId: task1.id, text, color: 'yellow', authorName: null, authorId: null });
      if (text === CHOSEN && id) w.setChosen(id, true);
    }
  }
  w.mirror.add({ taskId: task1.id, kind: 'quote', text: 'En tiennyt, että raskausaikana kuuluu käydä hammashoidossa. – Asiakas, haastattelu' });
  w.mirror.add({ taskId: task1.id, kind: 'figure', text: 'Vain 12 % ensisynnyttäjistä ohjattiin suun terveydenhuoltoon vuonna 2024.' });
  // Workshop 4: an experiment card with its numbers.
  const card = w.addNote({ groupId: w.groups()[0]!.id, taskId: experiments.id, text: 'Neuvola varaa ajan hammashoitoon ensikäynnillä', color: 'green', authorName: null, authorId: null })!;
  w.setExperimentField(card, 'owner', 'Neuvolan terveydenhoitaja');
  w.setExperimentField(card, 'startDate', '2026-04-01');
  w.setExperimentField(card, 'measure', 'Lähetteiden osuus');
  w.setExperimentField(card, 'baseline', '12 %');
  w.setExperimentField(card, 'target', '50 %');
  w.control.setCurrentTask(task1.id);
  w.control.setTimer(15 * 60_000);
  w.control.start(Date.now());
  await waitForServerWall(server.url, wall, (w) => w.notes().length === 10 && w.mirror.all().length === 2, 15_000, 'the walkthrough wall reached the server');
});

afterAll(async () => {
  organiser?.destroy();
  await chromium?.close();
  await server?.close();
});

describe('running the four workshops (README screenshots)', () => {
  it('the facilitator’s wall: the current task, mirror material, the groups’ notes, the timer', async () => {
    const ctx = await chromium.newContext({ viewport: { width: 1440, height: 900 } });
    await knowWall(ctx);
    const page = await ctx.newPage();
    await page.goto(wall.links.facilitator);
    await expect.poll(() => page.locator('#task-title').textContent(), UI).toBe(task1.title);
    await page.getByText('En tiennyt, että raskausaikana').first().waitFor(UI);
    await noteByText(page, CHOSEN).waitFor(UI);
    expect(await page.locator('article[data-note-id]').count()).toBe(9);
    await page.getByRole('timer').first().waitFor(UI);
    await page.getByRole('link', { name: /Esitysnäkymä/ }).waitFor(UI);
    await shot(page, 'walkthrough-facilitator.png', true);

    // Workshop 4: the experiment card with its measure, baseline and target.
    await page.getByRole('navigation', { name: 'Työpajat ja tehtävät' }).getByRole('button', { name: experiments.title }).click();
    const card = noteByText(page, 'Neuvola varaa ajan');
    await expect.poll(() => card.textContent(), UI).toContain('Lähetteiden osuus: 12 % → tavoite 50 %');
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'walkthrough-experiment.png');
    await ctx.close();
  });

  it('a participant on a phone: what we are doing now, and their group’s notes', async () => {
    const ctx = await chromium.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await joinAsParticipant(page, wall.links.participant, 'Aino', 'Ryhmä 1');
    await expect.poll(() => page.locator('#task-title').textContent(), UI).toBe(task1.title);
    await expect.poll(() => page.locator('.task-panel__label').textContent(), UI).toContain('Mitä teemme nyt');
    await noteByText(page, PROBLEMS['Ryhmä 1']![0]!).waitFor(UI);
    // The picture starts at the task panel, the first thing a participant reads.
    // (Scrolled a little further up so the sticky status line does not cover it.)
    await page.locator('.task-panel__label').evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      scrollBy(0, -90);
    });
    await shot(page, 'walkthrough-participant.png');

    // In workshop 2 the problem chosen in workshop 1 is a starting point.
    organiser.wall.control.bringEveryoneHere(task2.id);
    await expect.poll(() => page.locator('#task-title').textContent(), UI).toBe(task2.title);
    await page.getByRole('region', { name: 'Lähtökohdat edellisestä pajasta' }).getByText(CHOSEN).waitFor(UI);
    organiser.wall.control.bringEveryoneHere(task1.id);
    await expect.poll(() => page.locator('#task-title').textContent(), UI).toBe(task1.title);
    await ctx.close();
  });

  it('the projector: every group’s notes, the timer and the join panel; then one note at a time', async () => {
    const ctx = await chromium.newContext({ viewport: { width: 1920, height: 1080 } });
    await knowWall(ctx);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/w/${wall.id}/projector#${wall.tokens.facilitator}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), UI).toBe(task1.title);
    await expect.poll(() => page.locator('li[data-note-id]').count(), UI).toBe(9);
    await page.getByRole('timer').waitFor(UI);
    await page.getByRole('img', { name: 'QR-koodi osallistujan linkkiin' }).waitFor(UI);
    await page.getByTestId('join-address').waitFor(UI);
    await shot(page, 'walkthrough-projector.png');

    await page.getByRole('button', { name: 'Näytä yksi kerrallaan' }).click();
    await expect.poll(() => page.getByTestId('slide-position').textContent(), UI).toBe('1 / 9');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('slide-position').textContent(), UI).toBe('3 / 9');
    expect(await page.locator('.slideshow__slide').textContent()).toContain(CHOSEN);
    expect(await page.locator('.slideshow__slide').textContent()).toContain('Valittu jatkoon');
    await shot(page, 'walkthrough-slideshow.png');
    await ctx.close();
  });
});
