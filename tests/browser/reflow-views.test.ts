/**
 * Reflow (WCAG 1.4.10) of the views that display-preferences.test.ts does not cover: the home
 * page with a created wall's links, the facilitator's wall with every tool open, the share
 * dialog, the projector (columns and slideshow), the review and the report. Two ways, as there:
 * a 320×640 CSS-pixel viewport at normal text size (what 400 % zoom gives on a 1280 px screen),
 * and a 640 px viewport with the root font size at 200 % (text-only enlargement).
 *
 * In each, the page must not scroll sideways, and every control a user can operate (button,
 * link, field, summary) must lie inside the viewport's width, or else inside a container that
 * itself scrolls sideways (the only two-dimensional layout allowed). A long word in a note,
 * a comment and an update checks that long text wraps instead of widening the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateWallResponse } from '../../shared/schemas';
import { useBrowserSuite } from '../helpers/browserSuite';
import { connectClient, createWall, waitForServerWall, type TestClient } from '../helpers/server';
import { knowWall, openShareDialog, screenLink } from '../helpers/wallPage';

const suite = useBrowserSuite();
const LONG_WORD = 'Ajanvarausjärjestelmänvahvistusviestinlähetysaikataulutusongelma';
const TITLE = 'Kapea näyttö ja iso teksti';

let wall: CreateWallResponse;
let seeder: TestClient;

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: TITLE });
  seeder = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await seeder.synced;
  const w = seeder.wall;
  const [g1, g2] = w.groups();
  const task = w.process.firstTaskId()!;
  const first = w.addNote({ groupId: g1!.id, taskId: task, text: `Vahvistus tulee myöhässä: ${LONG_WORD}`, color: 'yellow', authorName: 'Aino', authorId: 'Aino', authorRole: 'client' })!;
  w.addNote({ groupId: g1!.id, taskId: task, text: 'Jonot ovat pitkiä', color: 'pink', authorName: null, authorId: null })!;
  w.addNote({ groupId: g2!.id, taskId: task, text: 'Kukaan ei soita takaisin', color: 'blue', authorName: 'Pekka', authorId: 'Pekka', authorRole: 'client' })!;
  w.setChosen(first, true);
  w.mirror.add({ taskId: task, kind: 'link', text: 'Asiakaspalautteen yhteenveto', url: `https://example.org/${LONG_WORD}` });
  w.comments.add({ noteId: first, text: `Sama täällä ${LONG_WORD}`, authorName: 'Pekka', authorId: 'Pekka', authorRole: 'client' });
  w.control.setCurrentTask(task);
  w.control.setTimer(15 * 60_000);
  w.control.start(Date.now());
  w.control.setReviewFeedback(true);
  w.feedback.setOpen(true);
  w.followups.add(`Soittoajat tulivat verkkosivulle ${LONG_WORD}`, `https://example.org/${LONG_WORD}`);
  await waitForServerWall(suite.server.url, wall, (w) => w.notes().length === 3 && w.followups.all().length === 1, 10_000, 'the seeded wall reached the server');
});

afterAll(() => seeder?.destroy());

/**
 * What breaks reflow on the page: sideways scrolling of the document (or of an open dialog), and
 * operable controls outside the viewport's width that no sideways-scrolling container holds.
 */
const reflowProblems = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const problems: string[] = [];
    if (root.scrollWidth > width + 1) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${width}`);
    const dialog = document.querySelector<HTMLElement>('dialog[open]');
    if (dialog) {
      const r = dialog.getBoundingClientRect();
      if (r.left < -1 || r.right > width + 1) problems.push(`dialog ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      if (dialog.scrollWidth > dialog.clientWidth + 1) problems.push(`dialog scrolls sideways: ${dialog.scrollWidth} > ${dialog.clientWidth}`);
    }
    const scrollsSideways = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const overflow = getComputedStyle(a).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && a.scrollWidth > a.clientWidth) return true;
      }
      return false;
    };
    const scope = dialog ?? document;
    for (const el of scope.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary')) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Not rendered (closed details, display: none) or the skip links parked until focused.
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.matches('.skip-link, .skip-to-form')) continue;
      if (el.closest('[inert]') || (!dialog && el.closest('dialog:not([open])'))) continue;
      if ((r.left < -1 || r.right > width + 1) && !scrollsSideways(el)) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).value ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
        problems.push(`${el.tagName.toLowerCase()} "${name}" at ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      }
    }
    return problems;
  });

const CASES = [
  { label: '320 px wide', viewport: { width: 320, height: 640 }, fontSize: '' },
  { label: '200 % text at 640 px', viewport: { width: 640, height: 800 }, fontSize: '200%' },
] as const;

for (const { label, viewport, fontSize } of CASES) {
  describe(`reflow, ${label}`, () => {
    /** A page at this case's size, knowing the wall as its creator's browser does. */
    async function openPage(): Promise<Page> {
      const context = await suite.chromium.newContext({ viewport });
      await knowWall(context, wall, TITLE);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    }
    const enlargeText = (page: Page) => page.evaluate((size) => (document.documentElement.style.fontSize = size), fontSize);

    it('the home page with a created wall and its three links', async () => {
      const page = await openPage();
      await page.goto(suite.server.url);
      await enlargeText(page);
      await page.getByLabel('Seinän nimi').fill(`Uusi seinä ${LONG_WORD}`);
      await page.getByRole('button', { name: 'Luo seinä' }).click();
      await page.locator('input[data-link-role="viewer"]').waitFor();
      expect(await reflowProblems(page)).toEqual([]);
      // The check itself works: something too wide is caught.
      await page.evaluate(() => {
        const wide = document.createElement('button');
        wide.style.width = '2000px';
        wide.textContent = 'x';
        document.querySelector('main')!.append(wide);
      });
      expect((await reflowProblems(page)).join('\n')).toMatch(/^page scrolls sideways.*\n.*button "x"/s);
    });

    it("the facilitator's wall with every tool and group tool open, then the share dialog", async () => {
      const page = await openPage();
      await page.goto(wall.links.facilitator);
      await enlargeText(page);
      await page.getByText('Kukaan ei soita takaisin').first().waitFor();
      await page.locator('.facilitation details').first().waitFor();
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const manage = page.getByRole('button', { name: /^Muokkaa ryhmää / });
      expect(await manage.count()).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < (await manage.count()); i++) await manage.nth(i).click();
      await page.getByRole('button', { name: /^Poista ryhmä/ }).first().waitFor();
      expect(await reflowProblems(page)).toEqual([]);

      const dialog = await openShareDialog(page);
      await dialog.getByRole('button', { name: 'Poista seinä' }).waitFor();
      expect(await reflowProblems(page)).toEqual([]);
    });

    it('the projector, in columns and in the slideshow', async () => {
      const page = await openPage();
      await page.goto(screenLink(wall.links.facilitator, 'projector'));
      await enlargeText(page);
      await page.locator('li[data-note-id]').nth(2).waitFor();
      await page.getByTestId('join-address').waitFor();
      expect(await reflowProblems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Näytä yksi kerrallaan' }).click();
      await page.getByTestId('slide-position').waitFor();
      expect(await reflowProblems(page)).toEqual([]);
    });

    it('the review from a participant link, with comments, reactions and the feedback form', async () => {
      const page = await openPage();
      await page.goto(screenLink(wall.links.participant, 'review'));
      await enlargeText(page);
      await page.getByText(`Sama täällä ${LONG_WORD}`).waitFor();
      expect(await reflowProblems(page)).toEqual([]);
    });

    it('the report', async () => {
      const page = await openPage();
      await page.goto(screenLink(wall.links.facilitator, 'report'));
      await enlargeText(page);
      await page.getByTestId('report-summary').waitFor();
      await page.getByText(`Soittoajat tulivat verkkosivulle ${LONG_WORD}`).first().waitFor();
      expect(await reflowProblems(page)).toEqual([]);
    });
  });
}
