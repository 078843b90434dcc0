/**
 * A participant's dot vote with the keyboard alone: give votes, hear and see how many are left,
 * take a vote back, and keep the focus on a sensible control when a button goes away or is
 * disabled. The facilitator is a real Yjs client, which also checks that the votes reached the
 * wall. Focus only moves by key presses; every pressed control shows a visible focus ring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { expectFocus, expectVisibleFocus, joinByKeyboard, pressOn, size, tabTo } from '../helpers/keyboard';
import { connectClient, createWall, type TestClient } from '../helpers/server';
import { noteByText } from '../helpers/wallPage';

const UI = { timeout: 10_000 };
const suite = useBrowserSuite();

let organiser: TestClient;
let page: Page;
let taskId: string;
let noteIds: { bus: string; night: string };

const votesLeft = () => page.locator('.votes-left').textContent();
const announced = () => page.getByRole('status', { name: 'Ilmoitukset' }).textContent();
const votesOn = (noteId: string) => organiser.wall.votes.counts(taskId).get(noteId) ?? 0;

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Äänestys näppäimillä' });
  organiser = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await organiser.synced;
  taskId = organiser.wall.control.currentTaskId() ?? organiser.wall.process.tasks()[0]!.id;
  const group = organiser.wall.groups()[0]!.id;
  const add = (text: string) => organiser.wall.addNote({ groupId: group, taskId, text, color: 'yellow', authorName: null, authorId: null })!;
  noteIds = { bus: add('Bussi kulkee harvoin'), night: add('Yöllä ei saa ketään kiinni') };
  organiser.wall.process.setVoting(taskId, { state: 'open', votesPerPerson: 2, hideVoteCounts: false });

  page = await (await suite.chromium.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await joinByKeyboard(page, wall.links.participant, 'Veikko', 'Ryhmä 1');
});

afterAll(() => organiser?.destroy());

describe('dot voting with the keyboard alone', () => {
  it('gives two votes with Enter; the votes left show and are announced; the focus stays on the pressed button', async () => {
    await expect.poll(votesLeft, UI).toContain('Ääniä jäljellä: 2 / 2');
    await pressOn(page, /^button "Anna ääni lapulle: Yöllä ei saa ketään kiinni"/);
    await expect.poll(votesLeft, UI).toContain('Ääniä jäljellä: 1 / 2');
    await expect.poll(announced, UI).toBe('Annoit äänen. Ääniä jäljellä: 1.');
    await expect.poll(() => noteByText(page, 'Yöllä ei saa').textContent(), UI).toContain('Omat äänesi: 1');
    await expectFocus(page, /^button "Anna ääni lapulle: Yöllä ei saa ketään kiinni"/);
    await expectVisibleFocus(page);
    await expect.poll(() => votesOn(noteIds.night), UI).toBe(1);

    // Space presses a button too.
    await page.keyboard.press('Space');
    await expect.poll(votesLeft, UI).toContain('Ääniä jäljellä: 0 / 2');
    await expect.poll(announced, UI).toBe('Annoit äänen. Ääniä jäljellä: 0.');
    expect(await votesLeft()).toContain('Äänesi on käytetty.');
    await expect.poll(() => votesOn(noteIds.night), UI).toBe(2);
    // No votes left: every give button is disabled, and the focus is not lost with it but goes
    // to taking a vote back from the same note.
    expect(await page.getByRole('button', { name: /^Anna ääni lapulle/ }).evaluateAll((els) => els.map((b) => (b as HTMLButtonElement).disabled))).toEqual([true, true]);
    await expectFocus(page, /^button "Ota ääni pois lapulta: Yöllä ei saa ketään kiinni"/);
    await expectVisibleFocus(page);
  });

  it('takes both votes back; when the last goes the focus returns to giving a vote on the same note', async () => {
    await page.keyboard.press('Enter');
    await expect.poll(votesLeft, UI).toContain('Ääniä jäljellä: 1 / 2');
    await expect.poll(announced, UI).toBe('Otit äänen pois. Ääniä jäljellä: 1.');
    await expectFocus(page, /^button "Ota ääni pois lapulta: Yöllä ei saa ketään kiinni"/);
    await page.keyboard.press('Enter');
    await expect.poll(votesLeft, UI).toContain('Ääniä jäljellä: 2 / 2');
    await expect.poll(() => votesOn(noteIds.night), UI).toBe(0);
    // The take-back button is gone with the last vote: the focus is on giving one again.
    expect(await noteByText(page, 'Yöllä ei saa').getByRole('button', { name: /^Ota ääni pois/ }).count()).toBe(0);
    await expectFocus(page, /^button "Anna ääni lapulle: Yöllä ei saa ketään kiinni"/);
    await expectVisibleFocus(page);
  });

  it('votes on another note, reached with Shift+Tab; the wall holds exactly the votes given', async () => {
    await pressOn(page, /^button "Anna ääni lapulle: Bussi kulkee harvoin"/, { back: true });
    await expect.poll(() => votesOn(noteIds.bus), UI).toBe(1);
    await pressOn(page, /^button "Anna ääni lapulle: Yöllä ei saa ketään kiinni"/);
    await expect.poll(() => votesOn(noteIds.night), UI).toBe(1);
    await expect.poll(votesLeft, UI).toContain('Ääniä jäljellä: 0 / 2');
    expect(organiser.wall.votes.inTask(taskId)).toHaveLength(2);
  });

  it('once the facilitator closes the vote, the results show and no vote buttons are left in the tab order', async () => {
    organiser.wall.process.setVoting(taskId, { state: 'closed' });
    // The result, not the count: while the vote is open the same count shows beside the buttons.
    await expect.poll(() => noteByText(page, 'Bussi kulkee').locator('.vote--result .vote__count').textContent(), UI).toBe('1 ääni');
    expect(await page.getByRole('button', { name: /^(Anna ääni|Ota ääni pois)/ }).count()).toBe(0);
    expect(await page.locator('.votes-left').count()).toBe(0);
  });

  it('on a phone the vote buttons are at least 44 × 44 px, and reachable by Tab', async () => {
    organiser.wall.process.setVoting(taskId, { state: 'open' });
    organiser.wall.votes.clear(taskId);
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(votesLeft, UI).toContain('Ääniä jäljellä: 2 / 2');
    await tabTo(page, /^button "Anna ääni lapulle: Bussi kulkee harvoin"/, { back: true });
    await page.keyboard.press('Enter');
    const note = noteByText(page, 'Bussi kulkee');
    for (const name of [/^Anna ääni/, /^Ota ääni pois/]) {
      const { width, height } = await size(note.getByRole('button', { name }));
      expect(width, `${name} width`).toBeGreaterThanOrEqual(44);
      expect(height, `${name} height`).toBeGreaterThanOrEqual(44);
    }
  });
});
