/**
 * axe-core scans of the real pages in Chromium: no serious or critical violations on the home
 * page, the join view and the wall view of each role, on a phone and on a projector.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../helpers/browser';
import { createWall, startServer, type TestServer } from '../helpers/server';
import { addNote, joinAsParticipant } from '../helpers/wallPage';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let server: TestServer;
let chromium: LaunchedBrowser;
let wall: Awaited<ReturnType<typeof createWall>>;

beforeAll(async () => {
  server = await startServer();
  chromium = await launchBrowser();
  wall = await createWall(server.url, { title: 'Saavutettavuus' });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  // The server's CSP (script-src 'self') would refuse the injected axe script.
  const context = await chromium.newContext({ viewport, bypassCSP: true });
  return context.newPage();
}

/** Serious and critical violations, each as "rule: help (selectors)". */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const PHONE = { width: 360, height: 740 };
const PROJECTOR = { width: 1920, height: 1080 };

describe('axe-core finds no serious or critical violations', () => {
  it('on the home page after creating a wall (phone)', async () => {
    const page = await openPage(PHONE);
    await page.goto(server.url);
    await page.getByLabel('Seinän nimi').fill('Uusi seinä');
    await page.getByRole('button', { name: 'Luo seinä' }).click();
    await page.locator('input[data-link-role="viewer"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the join view (phone)', async () => {
    const page = await openPage(PHONE);
    await page.goto(wall.links.participant);
    await page.getByRole('button', { name: 'Siirry seinälle' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the wall view of a participant with notes (phone)', async () => {
    const page = await openPage(PHONE);
    await joinAsParticipant(page, wall.links.participant, 'Aino', 'Ryhmä 1');
    await addNote(page, 'Lomakkeet ovat vaikeita täyttää');
    await addNote(page, 'Kukaan ei soita takaisin');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the wall view of the facilitator (projector)', async () => {
    const page = await openPage(PROJECTOR);
    await page.goto(wall.links.facilitator);
    await page.locator('article[data-note-id]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the read-only wall view (projector)', async () => {
    const page = await openPage(PROJECTOR);
    await page.goto(wall.links.viewer);
    await page.locator('article[data-note-id]').first().waitFor();
    expect(await page.getByTestId('add-note-text').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('(the scan itself works: a planted unlabeled button is reported)', async () => {
    const page = await openPage(PHONE);
    await page.goto(server.url);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<button></button>'));
    expect((await seriousViolations(page)).join('\n')).toMatch(/^button-name:/m);
  });
});
