/**
 * Keyboard-only steps for browser tests: move the focus with Tab / Shift+Tab until it reaches the
 * wanted control, describe where the focus is in words a test can match, and check that the
 * focused control shows a visible focus ring. Focus only ever moves by key presses here.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * A short description of the focused element: tag, accessible text, the group it is in and the
 * note it belongs to, e.g. `button "Muokkaa" in Ryhmä 2 on "Toinen"`; `body` when nothing is.
 */
export const focused = (p: Page): Promise<string> =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const group = el.closest('section[data-group-id]')?.querySelector('h2')?.textContent ?? '';
    const label =
      el.getAttribute('aria-label') ??
      ((el as HTMLInputElement).labels?.[0]?.textContent ||
        (el.tagName === 'ARTICLE' ? el.querySelector('.note__text')?.textContent : el.textContent) ||
        '');
    // A control inside a note says which note it belongs to.
    const note = el.tagName === 'ARTICLE' ? null : el.closest('article[data-note-id]')?.querySelector('.note__text')?.textContent;
    return `${el.tagName.toLowerCase()} "${label.replace(/\s+/g, ' ').trim()}"${group ? ` in ${group}` : ''}${note ? ` on "${note}"` : ''}`;
  });

/** Presses Tab (or Shift+Tab) until the focus matches, at most `max` times; fails naming where it got. */
export async function tabTo(p: Page, wanted: RegExp, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (wanted.test(await focused(p))) return;
    await p.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  expect(await focused(p), `Tab did not reach ${wanted}`).toMatch(wanted);
}

/** Polls until the focus matches `wanted`. */
export const expectFocus = (p: Page, wanted: RegExp, timeout = 5_000) => expect.poll(() => focused(p), { timeout }).toMatch(wanted);

/** Escapes a text for use inside a RegExp. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How the focused element shows its focus: its outline (style and width) or its box-shadow, or
 * a label around a focused checkbox / radio that draws the ring. 'none' when nothing shows.
 */
export const focusRing = (p: Page): Promise<string> =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'none';
    const ring = (node: Element) => {
      const s = getComputedStyle(node);
      if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) return `outline ${s.outlineWidth} ${s.outlineStyle}`;
      if (s.boxShadow && s.boxShadow !== 'none') return `box-shadow ${s.boxShadow}`;
      return null;
    };
    return ring(el) ?? (el.closest('label') ? ring(el.closest('label')!) : null) ?? 'none';
  });

/** The focused element shows a visible focus ring. */
export async function expectVisibleFocus(p: Page): Promise<void> {
  const where = await focused(p);
  expect(await focusRing(p), `focus ring on ${where}`).not.toBe('none');
}

/** Tabs to `wanted`, checks the focus ring, and presses `key` (Enter unless told). */
export async function pressOn(p: Page, wanted: RegExp, { key = 'Enter', back = false, max = 80 } = {}): Promise<void> {
  await tabTo(p, wanted, { back, max });
  await expectVisibleFocus(p);
  await p.keyboard.press(key);
}

/** Opens a participant link and joins a group by keyboard alone: Tab to the name, type, arrows to the group, Enter. */
export async function joinByKeyboard(p: Page, link: string, name: string, groupName: string): Promise<void> {
  await p.goto(link);
  await tabTo(p, /^input "Nimi, joka näkyy muille"/);
  await p.keyboard.type(name);
  await tabTo(p, /^input "(Ryhmä \d|Ei omaa ryhmää)/);
  const want = new RegExp(`^input "${literal(groupName)}"`);
  // Arrow keys move the choice within the radio group, as in every native radio group.
  for (let i = 0; i < 10 && !want.test(await focused(p)); i++) await p.keyboard.press('ArrowDown');
  expect(await focused(p), `arrow keys did not reach ${groupName}`).toMatch(want);
  // Tab onto an unchecked radio group focuses the first radio without choosing it: Space chooses.
  await p.keyboard.press('Space');
  await tabTo(p, /^button "Siirry seinälle"/);
  await p.keyboard.press('Enter');
  await p.locator('main section[data-group-id]').first().waitFor({ timeout: 10_000 });
}

/** The width and height of the element, for touch-target checks. */
export async function size(locator: Locator): Promise<{ width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** Where the focus is: in the open modal dialog, in the page behind it, or in the browser's own controls. */
export const dialogFocus = (p: Page): Promise<string> =>
  p.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'browser';
    return el.closest('dialog[open]') ? 'dialog' : `page: ${el.tagName} ${el.textContent?.slice(0, 40)}`;
  });

/**
 * Tab and Shift+Tab `presses` times each: the focus never reaches the page behind the open
 * dialog. A native modal dialog lets Tab leave for the browser's own controls, never for the
 * page. Ends with the focus back in the dialog (a key press in the browser's controls would
 * not reach it).
 */
export async function expectFocusTrapped(p: Page, presses = 12): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    const seen = new Set<string>();
    for (let i = 0; i < presses; i++) {
      await p.keyboard.press(key);
      seen.add(await dialogFocus(p));
    }
    expect([...seen].sort(), `where ${key} took the focus`).toEqual(seen.has('browser') ? ['browser', 'dialog'] : ['dialog']);
  }
  for (let i = 0; i < 3 && (await dialogFocus(p)) !== 'dialog'; i++) await p.keyboard.press('Tab');
}
