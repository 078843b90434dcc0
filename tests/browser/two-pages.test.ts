import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { noteAction } from '../helpers/noteActions';
import { createWall } from '../helpers/server';
import { addNote, column, expectStatus, joinAsParticipant, noteByText } from '../helpers/wallPage';

const suite = useBrowserSuite();

let contexts: BrowserContext[];
let aino: Page;
let pekka: Page;

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Palvelupolku' });
  contexts = [await suite.chromium.newContext(), await suite.chromium.newContext()];
  aino = await contexts[0]!.newPage();
  pekka = await contexts[1]!.newPage();
  await joinAsParticipant(aino, wall.links.participant, 'Aino', 'Ryhmä 1');
  await joinAsParticipant(pekka, wall.links.participant, null, 'Ryhmä 2');
});

describe('two browsers on one wall', () => {
  it('both are online', async () => {
    await expectStatus(aino, 'online');
    await expectStatus(pekka, 'online');
  });

  it("each sees the other's notes, in the author's group column", async () => {
    await addNote(aino, 'Jonotus puhelimessa kestää liian kauan');
    await addNote(pekka, 'Ajanvarauksen vahvistus ei tule perille');
    const fromAino = noteByText(pekka, 'Jonotus puhelimessa kestää liian kauan');
    await fromAino.waitFor({ timeout: 5_000 });
    expect(await column(pekka, 'Ryhmä 1').locator('article', { hasText: 'Jonotus puhelimessa' }).count()).toBe(1);
    const fromPekka = noteByText(aino, 'Ajanvarauksen vahvistus ei tule perille');
    await fromPekka.waitFor({ timeout: 5_000 });
    expect(await column(aino, 'Ryhmä 2').locator('article', { hasText: 'Ajanvarauksen vahvistus' }).count()).toBe(1);
    // The accessible name of a note is its text and its author.
    expect(await aino.getByRole('article', { name: /Jonotus puhelimessa.*Aino/ }).count()).toBe(1);
  });

  it('a note moved by keyboard moves on the other page too', async () => {
    const note = noteByText(aino, 'Jonotus puhelimessa kestää liian kauan');
    await note.focus();
    await aino.keyboard.press('Alt+ArrowRight');
    await column(aino, 'Ryhmä 2').locator('article', { hasText: 'Jonotus puhelimessa' }).waitFor({ timeout: 5_000 });
    await column(pekka, 'Ryhmä 2').locator('article', { hasText: 'Jonotus puhelimessa' }).waitFor({ timeout: 5_000 });
    expect(await column(pekka, 'Ryhmä 1').locator('article').count()).toBe(0);
    // Focus stays on the moved note, so the next key press moves it further.
    expect(await aino.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Jonotus puhelimessa');
  });

  it('a deleted note disappears on the other page and comes back with undo', async () => {
    const note = noteByText(pekka, 'Ajanvarauksen vahvistus ei tule perille');
    await noteAction(note, 'Poista');
    await noteByText(aino, 'Ajanvarauksen vahvistus').waitFor({ state: 'detached', timeout: 5_000 });
    await pekka.getByRole('button', { name: 'Kumoa' }).click();
    await noteByText(aino, 'Ajanvarauksen vahvistus').waitFor({ timeout: 5_000 });
  });
});
