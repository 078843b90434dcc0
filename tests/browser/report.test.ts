/**
 * The facilitator's report screen: a participant says their role at join and it lands on their
 * note (never on screen); the report shows figures per workshop, the client's unanswered note,
 * the text to paste; others are refused politely; freezing asks first and then shows on every
 * wall page; no axe violations of any impact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { connectClient, createWall, waitFor, type TestClient } from '../helpers/server';
import { addNote, axeViolations, screenLink } from '../helpers/wallPage';
import type { CreateWallResponse } from '../../shared/schemas';

const suite = useBrowserSuite();

let wall: CreateWallResponse;
let observer: TestClient;
let participant: Page;
let facilitator: Page;


beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Raportti' });
  observer = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
  await observer.synced;
  // Two more clients and three professionals, written straight into the wall.
  const w = observer.wall;
  const [g1, g2] = w.groups();
  const task = w.process.firstTaskId()!;
  w.addNote({ groupId: g1!.id, taskId: task, text: 'Asiakas kaksi', color: 'yellow', authorName: 'C2', authorId: 'c2', authorRole: 'client' });
  const c3 = w.addNote({ groupId: g1!.id, taskId: task, text: 'Asiakas kolme', color: 'yellow', authorName: 'C3', authorId: 'c3', authorRole: 'client' })!;
  for (const id of ['p1', 'p2', 'p3']) w.addNote({ groupId: g2!.id, taskId: task, text: `Työntekijä ${id}`, color: 'blue', authorName: id, authorId: id, authorRole: 'professional' });
  w.comments.add({ noteId: c3, text: 'Hyvä huomio', authorName: 'p1', authorId: 'p1', authorRole: 'professional' });

  participant = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
  await participant.goto(wall.links.participant);
  await participant.getByLabel('Nimi, joka näkyy muille').fill('Aino');
  await participant.getByRole('radio', { name: 'Ryhmä 1' }).check();
  await participant.getByLabel('Missä roolissa osallistut? (vapaaehtoinen)').selectOption({ label: 'Asiakas tai asiakaskehittäjä' });
  await participant.getByRole('button', { name: 'Siirry seinälle' }).click();
  await participant.locator('main section[data-group-id]').first().waitFor();
  facilitator = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
  await facilitator.goto(wall.links.facilitator);
  await facilitator.locator('main section[data-group-id]').first().waitFor();
});

afterAll(async () => {
  observer?.destroy();
});

describe('roles and the report', () => {
  it('the role said at join goes on the note, and is not shown on the wall', async () => {
    await addNote(participant, 'Kukaan ei kysy meiltä');
    await waitFor(() => observer.wall.notes().some((n) => n.text === 'Kukaan ei kysy meiltä'), 10_000);
    expect(observer.wall.notes().find((n) => n.text === 'Kukaan ei kysy meiltä')!.authorRole).toBe('client');
    for (const page of [participant, facilitator]) expect(await page.locator('main').textContent()).not.toContain('Asiakas tai asiakaskehittäjä');
  });

  it('the facilitator opens the report from the wall and sees the figures, the unanswered note and the text', async () => {
    await facilitator.getByTestId('report-link').click();
    await facilitator.getByRole('heading', { level: 1, name: 'Asiakkaiden osallisuus: Raportti' }).waitFor();
    const firstWorkshop = observer.wall.process.workshops()[0]!.title;
    const table = facilitator.locator('table', { has: facilitator.locator('caption', { hasText: firstWorkshop }) });
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) }).locator('td').allTextContents();
    expect(await row('Asiakas tai asiakaskehittäjä')).toEqual(['3', '0', '0']);
    expect(await row('Työntekijä')).toEqual(['3', '1', '0']);
    await expect(facilitator.getByTestId('report-every-phase').textContent()).resolves.toBe('Asiakkaat osallistuivat 1 työpajaan 4:sta.');
    const unanswered = await facilitator.getByTestId('report-unanswered').locator('.report-note').allTextContents();
    expect(unanswered.sort()).toEqual(['Asiakas kaksi', 'Kukaan ei kysy meiltä']);
    const summary = await facilitator.getByTestId('report-summary').inputValue();
    expect(summary.split('\n')[0]).toBe('Miten asiakkaat osallistuivat mallin kehittämiseen');
    expect(summary).toContain('Asiakkaat osallistuivat 1 työpajaan 4:sta.');
    expect(await axeViolations(facilitator)).toEqual([]);
  });

  it('prints as a clean summary page: no header, no buttons, the figures and the text', async () => {
    await facilitator.emulateMedia({ media: 'print' });
    try {
      expect(await facilitator.locator('.app-header').isVisible()).toBe(false);
      expect(await facilitator.getByRole('button', { name: 'Kopioi teksti' }).isVisible()).toBe(false);
      expect(await facilitator.getByTestId('report-summary').isVisible()).toBe(true);
      expect(await facilitator.locator('table.report-table').first().isVisible()).toBe(true);
    } finally {
      await facilitator.emulateMedia({ media: 'screen' });
    }
  });

  it('anyone else gets a polite refusal', async () => {
    const page = await (await suite.chromium.newContext()).newPage();
    await page.goto(screenLink(wall.links.participant, 'report'));
    await expect(page.getByTestId('report-refused').textContent()).resolves.toContain('vain ohjaajalle');
    expect(await page.locator('table').count()).toBe(0);
  });

  it('freezing asks first, then every wall page says the wall is closed', async () => {
    await facilitator.getByTestId('freeze').click();
    const dialog = facilitator.getByRole('dialog', { name: 'Suljetaanko seinä?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Sulje seinä' }).click();
    await waitFor(() => observer.wall.control.frozen(), 10_000);
    await participant.getByTestId('frozen-notice').waitFor();
    await expect(participant.getByTestId('frozen-notice').textContent()).resolves.toBe('Seinä on suljettu: sitä voi vain katsella.');
  });

  it('the facilitator opens the feedback form; a participant answers on the frozen wall; the report shows it', async () => {
    await facilitator.getByTestId('open-feedback').check();
    await participant.getByTestId('feedback-link').click();
    await participant.getByRole('heading', { name: 'Palautekysely' }).waitFor();
    await participant.getByRole('group', { name: 'Tuliko äänesi kuulluksi työpajoissa?' }).getByRole('radio', { name: 'Osittain' }).check();
    await participant.getByRole('group', { name: 'Onko työpajojen jälkeen muuttunut jotain?' }).getByRole('radio', { name: 'Kyllä' }).check();
    await participant.getByLabel('Mitä muuta haluat sanoa? (vapaaehtoinen)').fill('Jonot lyhenivät');
    await participant.getByRole('button', { name: 'Lähetä vastaus' }).click();
    await facilitator.getByTestId('feedback-count').waitFor();
    await expect(facilitator.getByTestId('feedback-count').textContent()).resolves.toBe('Vastauksia: 1');
    await facilitator.getByText('Jonot lyhenivät').waitFor();
    expect(await facilitator.getByTestId('report-summary').inputValue()).toContain('Palautekyselyyn vastasi 1 osallistujaa.');
    expect(await axeViolations(participant)).toEqual([]);
  });
});
