/**
 * Keyboard and display preferences on the wall: the "own group" skip link, reduced motion,
 * more contrast (prefers-contrast and forced colours), and reflow at 320 px and at 200 % text.
 *
 * Reflow method: a 320×640 CSS-pixel viewport at 100 % text (WCAG 1.4.10's 320 px), and a
 * 640×800 viewport with the root font size set to 200 % (`document.documentElement.style.
 * fontSize`), i.e. text-only enlargement as in WCAG 1.4.4 on a small laptop window.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { createWall } from '../helpers/server';
import { noteMenuButton } from '../helpers/noteActions';
import { addNote, joinAsParticipant, axeViolations } from '../helpers/wallPage';

const suite = useBrowserSuite();

let wall: Awaited<ReturnType<typeof createWall>>;

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Näkymän asetukset' });
});

async function participant(viewport = { width: 1280, height: 800 }, name = 'Aino'): Promise<Page> {
  const context = await suite.chromium.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  await joinAsParticipant(page, wall.links.participant, name, 'Ryhmä 2');
  return page;
}

const LONG_NOTE =
  'Ajanvarausjärjestelmän vahvistusviesti tulee joskus vasta seuraavana päivänä, eikä siinä kerrota, mihin soittaa, jos aika ei sovi.';

describe('skip link to your own group', () => {
  it('Tab from the top reaches "Siirry omaan ryhmääsi", visible on focus; Enter puts focus in your group', async () => {
    const page = await participant();
    await addNote(page, 'Lappu omassa ryhmässä');
    // Start from the top of a freshly loaded page (the profile is remembered).
    await page.reload();
    await page.locator('main section[data-group-id]').first().waitFor();
    const urlBefore = page.url();

    let reached = false;
    for (let i = 0; i < 3 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Siirry omaan ryhmääsi';
    }
    expect(reached, 'the skip link is among the first three Tab stops').toBe(true);
    // Visible while focused: inside the viewport, not clipped away.
    const box = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThan(20);
    expect(box.height).toBeGreaterThan(20);

    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.activeElement;
          const section = el?.closest('section[data-group-id]');
          return section ? `${el!.tagName} in ${section.querySelector('h2')?.textContent}` : `${el?.tagName} outside`;
        }),
      )
      .toBe('H2 in Ryhmä 2');
    // The fragment is the access token: the skip link must not replace it or reload the page.
    expect(page.url()).toBe(urlBefore);
    // The next Tab goes on inside the group, not back to the top.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('section[data-group-id]')?.querySelector('h2')?.textContent)).toBe('Ryhmä 2');
  });
});

describe('reduced motion and more contrast', () => {
  const durations = (page: Page) =>
    page.evaluate(() =>
      ['article.note', '.note__actions .button'].map((sel) => getComputedStyle(document.querySelector(sel)!).transitionDuration),
    );

  it('with prefers-reduced-motion: reduce, notes and buttons have no transition', async () => {
    const page = await participant(undefined, 'Liike');
    await addNote(page, 'Lappu liikkeen testiin');
    // Without the preference there is a transition (so the check below can fail).
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect((await durations(page)).every((d) => d !== '0s')).toBe(true);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await durations(page)).toEqual(['0s', '0s']);
  });

  it('with prefers-contrast: more, notes and buttons get solid dark borders, and axe finds no violations', async () => {
    const page = await participant(undefined, 'Kontrasti');
    await addNote(page, 'Lappu kontrastin testiin');
    const borders = () =>
      page.evaluate(() =>
        ['article.note', '.note__actions .button', 'section.column--own'].map((sel) => {
          const s = getComputedStyle(document.querySelector(sel)!);
          return `${s.borderTopWidth} ${s.borderTopColor}`;
        }),
      );
    await page.emulateMedia({ contrast: 'no-preference' });
    const normal = await borders();
    await page.emulateMedia({ contrast: 'more' });
    expect(await page.evaluate(() => matchMedia('(prefers-contrast: more)').matches)).toBe(true);
    // Border colours have a short transition: poll until it has run.
    await expect.poll(borders).toEqual(['2px rgb(27, 27, 31)', '2px rgb(27, 27, 31)', '4px rgb(27, 27, 31)']);
    expect(await borders()).not.toEqual(normal);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('with forced colours active, notes and columns keep a visible border, and axe finds no violations', async () => {
    const page = await participant(undefined, 'Pakotetut');
    await addNote(page, 'Lappu pakotettujen värien testiin');
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const widths = await page.evaluate(() =>
      ['article.note', 'section.column'].map((sel) => getComputedStyle(document.querySelector(sel)!).borderTopWidth),
    );
    expect(widths).toEqual(['2px', '2px']);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('reflow: no horizontal scrolling, note actions stay visible', () => {
  /** Horizontal overflow of the document, and note action buttons outside the viewport. */
  const reflowProblems = (page: Page) =>
    page.evaluate(() => {
      const root = document.documentElement;
      const problems: string[] = [];
      if (root.scrollWidth > root.clientWidth + 1) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
      for (const button of document.querySelectorAll<HTMLElement>('article[data-note-id] .note__actions button')) {
        const r = button.getBoundingClientRect();
        const style = getComputedStyle(button);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || r.left < 0 || r.right > root.clientWidth + 1) {
          problems.push(`"${button.textContent?.trim()}" not fully visible: ${Math.round(r.left)}..${Math.round(r.right)} of ${root.clientWidth}`);
        }
      }
      return problems;
    });

  const cases = [
    { label: '320 px wide', viewport: { width: 320, height: 640 }, fontSize: '' },
    { label: '200 % text at 640 px', viewport: { width: 640, height: 800 }, fontSize: '200%' },
  ];

  for (const { label, viewport, fontSize } of cases) {
    it(`join view, ${label}`, async () => {
      const context = await suite.chromium.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(wall.links.participant);
      await page.getByRole('button', { name: 'Siirry seinälle' }).waitFor();
      await page.evaluate((size) => (document.documentElement.style.fontSize = size), fontSize);
      expect(await reflowProblems(page)).toEqual([]);
      // The check itself works: something too wide makes the page scroll sideways.
      // (Set through the CSSOM: the server's CSP refuses inline style attributes.)
      await page.evaluate(() => {
        const wide = document.createElement('div');
        wide.style.width = '2000px';
        wide.textContent = 'x';
        document.querySelector('main')!.append(wide);
      });
      expect((await reflowProblems(page)).join('\n')).toMatch(/^page scrolls sideways/);
    });

    it(`wall view with notes, ${label}`, async () => {
      const page = await participant(viewport, `Reflow ${viewport.width}`);
      await page.evaluate((size) => (document.documentElement.style.fontSize = size), fontSize);
      await addNote(page, LONG_NOTE.slice(0, 60 + viewport.width / 10));
      await addNote(page, `Pitkäsanainen_tunnus_ilman_välilyöntejä_joka_ei_saa_leventää_sivua_${viewport.width}`);
      // Each own note: "Muokkaa" and the "⋯" menu.
      expect(await page.locator('article[data-note-id] .note__actions button').count()).toBeGreaterThanOrEqual(4);
      expect(await reflowProblems(page)).toEqual([]);
      // With a note's menu open, its items too.
      const menuButton = noteMenuButton(page.locator('article[data-note-id]').last());
      await menuButton.click();
      await page.getByRole('menu').waitFor();
      expect(await reflowProblems(page)).toEqual([]);
      await page.keyboard.press('Escape');
    });
  }
});
