/**
 * What a person does on the wall page, in the words the page itself uses (Finnish, the default
 * language): tests find controls by role and accessible name, like a screen-reader user would.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

const UI_TIMEOUT = 10_000;

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
