/**
 * What a person does on the wall page, in the words the page itself uses (Finnish, the default
 * language): tests find controls by role and accessible name, like a screen-reader user would.
 */
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { CreateWallResponse } from '../../shared/schemas';

const UI_TIMEOUT = 10_000;

/** A wall link turned into the same link to another screen of that wall: `screenLink(link, 'review')` → `/w/<id>/review#<token>`. */
export function screenLink(link: string, screen: 'projector' | 'review' | 'report'): string {
  return link.replace(/\/w\/([^/#]+)#/, `/w/$1/${screen}#`);
}

/**
 * Makes the context's pages know the wall as the browser that created it does: with all its links
 * in localStorage (the projector's QR code and short address need the participant link).
 */
export async function knowWall(context: BrowserContext, wall: CreateWallResponse, title: string): Promise<void> {
  const entry = { id: wall.id, title, role: 'facilitator', link: wall.links.facilitator, links: wall.links, lastOpened: 1 };
  await context.addInitScript((value) => {
    if (!localStorage.getItem('pajaseina:walls')) localStorage.setItem('pajaseina:walls', value);
  }, JSON.stringify([entry]));
}

/** Opens a participant link and joins a group under a name (or anonymously with `name: null`). */
export async function joinAsParticipant(page: Page, link: string, name: string | null, groupName: string): Promise<void> {
  await page.goto(link);
  if (name === null) await page.getByLabel('Osallistun nimettömänä').check();
  else await page.getByLabel('Nimi, joka näkyy muille').fill(name);
  await page.getByRole('radio', { name: groupName }).check();
  await page.getByRole('button', { name: 'Siirry seinälle' }).click();
  await page.locator('main section[data-group-id]').first().waitFor({ timeout: UI_TIMEOUT });
}

export async function addNote(page: Page, text: string): Promise<void> {
  await page.getByTestId('add-note-text').fill(text);
  await page.getByTestId('add-note-submit').click();
  await noteByText(page, text).waitFor({ timeout: UI_TIMEOUT });
}

export function noteByText(page: Page, text: string): Locator {
  return page.locator('article[data-note-id]', { hasText: text });
}

export function column(page: Page, groupName: string): Locator {
  return page.locator('section[data-group-id]', { has: page.getByRole('heading', { name: groupName, exact: true }) });
}

export async function status(page: Page): Promise<{ status: string | null; pending: string | null }> {
  const banner = page.getByTestId('status').first();
  return { status: await banner.getAttribute('data-status'), pending: await banner.getAttribute('data-pending') };
}

/** Polls until the status banner shows `expected`; fails with what it showed instead. */
export async function expectStatus(page: Page, expected: string, timeoutMs = UI_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await status(page);
  while (last.status !== expected && Date.now() < deadline) {
    await page.waitForTimeout(100);
    last = await status(page);
  }
  expect(last.status, `status banner (pending ${last.pending})`).toBe(expected);
}

/** Types a note and presses "Lisää lappu" without waiting for it (the guard may stop it). */
export async function submitNote(page: Page, text: string): Promise<void> {
  await page.getByTestId('add-note-text').fill(text);
  await page.getByTestId('add-note-submit').click();
}

/** Opens the facilitator's share dialog and returns it. */
export async function openShareDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Jaa linkit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Seinän linkit' });
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  return dialog;
}

/** Polls until the status banner shows the refused state with `code` as the reason. */
export async function expectRefused(page: Page, code: number, timeoutMs = UI_TIMEOUT): Promise<void> {
  const banner = page.getByTestId('status').first();
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    seen = `${await banner.getAttribute('data-status')} ${await banner.getAttribute('data-close-code')}`;
    if (seen === `refused ${code}`) return;
    await page.waitForTimeout(100);
  }
  expect(seen, 'status banner: status and close code').toBe(`refused ${code}`);
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const describeViolation = (v: AxeViolation) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`;

/**
 * Every axe-core violation on the page, of any impact (no rule is turned off), each as
 * "rule (impact): help (selectors)". The page's context needs `bypassCSP: true` (the server's
 * CSP refuses the injected script).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return violations.map(describeViolation);
}
