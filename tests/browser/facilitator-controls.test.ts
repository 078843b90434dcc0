/**
 * The facilitator's live controls in Chromium with a real server: bring everyone here, the
 * shared timer (also on a page whose clock is two hours off), private writing and reveal, a dot
 * vote from opening to results, and an axe check of the facilitator's view with the bar open.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/browserSuite';
import { createWall } from '../helpers/server';
import { addNote, axeViolations, column, joinAsParticipant, noteByText } from '../helpers/wallPage';
import { announced, recordAnnouncements } from '../helpers/announcements';

const UI = { timeout: 15_000 };
/** Pekka's computer clock is two hours fast. */
const PEKKA_SKEW_MS = 2 * 60 * 60 * 1000;

const suite = useBrowserSuite();
let facilitator: Page;
let aino: Page;
let pekka: Page;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Työpajat ja tehtävät' });
const taskHeading = (page: Page) => page.locator('#task-title');
const bar = (page: Page): Locator => page.locator('section.facilitation');
const timerText = (page: Page) => page.getByRole('timer', { name: 'Ryhmätyön aika' }).locator('.timer__time').textContent();
const seconds = (text: string | null) => {
  const [m, s] = (text ?? '').split(':').map(Number);
  return m! * 60 + s!;
};

async function openTask(page: Page, title: string): Promise<void> {
  await nav(page).getByRole('button', { name: title }).click();
  await expect.poll(() => taskHeading(page).textContent(), UI).toBe(title);
}

/** Opens one of the bar's disclosure sections (if closed) and returns it. */
async function section(name: string): Promise<Locator> {
  const details = bar(facilitator).locator('details', { has: facilitator.locator('summary', { hasText: name }) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

beforeAll(async () => {
  const wall = await createWall(suite.server.url, { title: 'Kotihoito' });
  facilitator = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
  const ainoContext = await suite.chromium.newContext();
  const pekkaContext = await suite.chromium.newContext();
  for (const c of [ainoContext, pekkaContext]) await recordAnnouncements(c);
  // `clockJump` lets a test move Pekka's clock on after the page has estimated the offset,
  // standing in for minutes passing.
  await pekkaContext.addInitScript((skew: number) => {
    const realNow = Date.now.bind(Date);
    const w = window as unknown as { clockJump: number };
    w.clockJump = 0;
    Date.now = () => realNow() + skew + w.clockJump;
  }, PEKKA_SKEW_MS);
  aino = await ainoContext.newPage();
  pekka = await pekkaContext.newPage();
  await facilitator.goto(wall.links.facilitator);
  await facilitator.locator('main section[data-group-id]').first().waitFor(UI);
  await joinAsParticipant(aino, wall.links.participant, 'Aino', 'Ryhmä 1');
  await joinAsParticipant(pekka, wall.links.participant, 'Pekka', 'Ryhmä 2');
});

describe("the facilitator's live controls", () => {
  it('the clock override is in effect on Pekka’s page', async () => {
    const skew = await pekka.evaluate(() => Date.now() - new Date().getTime());
    expect(skew).toBeGreaterThan(PEKKA_SKEW_MS - 60_000);
  });

  it('bring everyone here moves the participants’ pages to the task once; they can browse away again', async () => {
    await openTask(aino, 'Missä kohdin palvelu ei toimi?');
    await openTask(facilitator, 'Miksi ongelmat syntyvät?');
    await bar(facilitator).getByRole('button', { name: 'Tuo kaikki tähän tehtävään' }).click();
    await expect.poll(() => bar(facilitator).getByRole('status').textContent(), UI).toContain('Kaikkien näkymä siirtyi');

    await expect.poll(() => taskHeading(aino).textContent(), UI).toBe('Miksi ongelmat syntyvät?');
    await expect.poll(() => taskHeading(pekka).textContent(), UI).toBe('Miksi ongelmat syntyvät?');
    await expect.poll(() => aino.locator('.task-panel__label').textContent(), UI).toContain('Mitä teemme nyt');
    await expect.poll(() => announced(aino), UI).toContain('Ohjaaja toi kaikki tehtävään Miksi ongelmat syntyvät?.');

    // Following happens once per press: browsing away afterwards stays where the user went.
    await openTask(aino, 'Asiakkaan polku');
    await aino.getByRole('button', { name: 'Takaisin sinne, missä muut ovat' }).waitFor(UI);
    expect(await taskHeading(aino).textContent()).toBe('Asiakkaan polku');
    await aino.getByRole('button', { name: 'Takaisin sinne, missä muut ovat' }).click();
    await expect.poll(() => taskHeading(aino).textContent(), UI).toBe('Miksi ongelmat syntyvät?');
  });

  it('the timer shows the same time on every page, also on one whose clock is two hours fast', async () => {
    const timer = await section('Ajastin');
    await timer.getByLabel('Minuutit').fill('10');
    await timer.getByRole('button', { name: 'Aseta aika' }).click();
    for (const page of [facilitator, aino, pekka]) await expect.poll(() => timerText(page), UI).toBe('10:00');
    await timer.getByRole('button', { name: 'Käynnistä' }).click();

    await expect.poll(async () => seconds(await timerText(pekka)), UI).toBeLessThan(600);
    const shown = await Promise.all([facilitator, aino, pekka].map((page) => timerText(page)));
    const [f, a, p] = shown.map(seconds) as [number, number, number];
    // Uncorrected, Pekka's page would show 0:00: his clock is two hours past the end.
    expect(p).toBeGreaterThan(540);
    expect(Math.abs(a - f), `shown: ${shown.join(' ')}`).toBeLessThanOrEqual(1);
    expect(Math.abs(p - f), `shown: ${shown.join(' ')}`).toBeLessThanOrEqual(1);
    expect(await pekka.getByRole('timer').textContent()).toContain('Aika kuluu');

    await timer.getByRole('button', { name: 'Pysäytä' }).click();
    await expect.poll(() => pekka.getByRole('timer').textContent(), UI).toContain('Pysäytetty');
    const paused = await timerText(facilitator);
    await expect.poll(() => timerText(aino), UI).toBe(paused);
    await expect.poll(() => timerText(pekka), UI).toBe(paused);

    await timer.getByRole('button', { name: 'Lisää 1 min' }).click();
    const later = `${Number(paused!.split(':')[0]) + 1}:${paused!.split(':')[1]}`;
    await expect.poll(() => timerText(pekka), UI).toBe(later);
    await timer.getByRole('button', { name: 'Palauta alkuun' }).click();
    await expect.poll(() => timerText(aino), UI).toBe('11:00');
  });

  it('at zero: a visible cue in words, announced once; the sound can be muted and stays muted', async () => {
    const timer = await section('Ajastin');
    await timer.getByRole('button', { name: 'Käynnistä' }).click();
    await expect.poll(async () => seconds(await timerText(pekka)), UI).toBeLessThan(660);
    // Twelve minutes pass on Pekka's page.
    await pekka.evaluate(() => ((window as unknown as { clockJump: number }).clockJump = 12 * 60_000));
    await expect.poll(() => timerText(pekka), UI).toBe('0:00');
    expect(await pekka.getByRole('timer').textContent()).toContain('Aika loppui');
    expect(await pekka.locator('.timer--up').count()).toBe(1);
    await expect.poll(async () => (await announced(pekka)).filter((a) => a === 'Ryhmätyön aika loppui.').length, UI).toBe(1);
    // Everyone else is still counting.
    expect(seconds(await timerText(aino))).toBeGreaterThan(600);

    const sound = pekka.getByRole('checkbox', { name: 'Äänimerkki, kun aika loppuu' });
    expect(await sound.isChecked()).toBe(true);
    await sound.uncheck();
    expect(await pekka.evaluate(() => localStorage.getItem('pajaseina:timerSound'))).toBe('false');
    // Still only the one announcement, however many seconds have ticked at zero since.
    expect((await announced(pekka)).filter((a) => a === 'Ryhmätyön aika loppui.')).toHaveLength(1);

    await pekka.evaluate(() => ((window as unknown as { clockJump: number }).clockJump = 0));
    await timer.getByRole('button', { name: 'Poista ajastin' }).click();
    for (const page of [facilitator, aino, pekka]) await expect.poll(() => page.getByRole('timer').count(), UI).toBe(0);
    expect(await timer.textContent()).toContain('Ajastinta ei ole asetettu.');
  });

  it('private writing shows participants only their own group; reveal shows everything; author names off and on', async () => {
    await addNote(aino, 'Hoitajat vaihtuvat joka käynnillä');
    await addNote(pekka, 'Kukaan ei kerro, milloin hoitaja tulee');
    await noteByText(aino, 'Kukaan ei kerro').waitFor(UI);

    const visibility = await section('Lukitus ja näkyvyys');
    const privateWriting = visibility.getByRole('checkbox', { name: /Kirjoitetaan ensin omassa ryhmässä/ });
    await privateWriting.check();
    expect(await visibility.textContent()).toContain('koskee vain näkymää');
    await noteByText(aino, 'Kukaan ei kerro').waitFor({ state: 'detached', ...UI });
    expect(await noteByText(aino, 'Hoitajat vaihtuvat').count()).toBe(1);
    await noteByText(pekka, 'Hoitajat vaihtuvat').waitFor({ state: 'detached', ...UI });
    // The facilitator still sees every group.
    expect(await noteByText(facilitator, 'Kukaan ei kerro').count()).toBe(1);

    await privateWriting.uncheck();
    await noteByText(aino, 'Kukaan ei kerro').waitFor(UI);
    await noteByText(pekka, 'Hoitajat vaihtuvat').waitFor(UI);

    // Author names off and on again, for everyone.
    const names = visibility.getByRole('checkbox', { name: /Näytä kirjoittajien nimet/ });
    expect(await names.isChecked()).toBe(true);
    expect(await noteByText(aino, 'Kukaan ei kerro').textContent()).toContain('Pekka');
    await names.uncheck();
    await expect.poll(() => noteByText(aino, 'Kukaan ei kerro').textContent(), UI).not.toContain('Pekka');
    await names.check();
    await expect.poll(() => noteByText(aino, 'Kukaan ei kerro').textContent(), UI).toContain('Pekka');
  });

  it('a dot vote: votes within the allowance, hidden counts, then results that order the notes', async () => {
    await addNote(pekka, 'Yöllä ei saa ketään kiinni');
    const inPekkaColumn = (page: Page) => column(page, 'Ryhmä 2').locator('article[data-note-id]');
    await expect.poll(() => inPekkaColumn(aino).count(), UI).toBe(2);
    expect(await inPekkaColumn(aino).first().textContent()).toContain('Kukaan ei kerro');

    const voting = await section('Äänestys');
    await voting.getByLabel('Ääniä kullekin').fill('2');
    await voting.getByLabel('Ääniä kullekin').press('Tab');
    await voting.getByRole('checkbox', { name: /Piilota äänimäärät/ }).check();
    await voting.getByRole('button', { name: 'Avaa äänestys' }).click();
    await expect.poll(() => voting.textContent(), UI).toContain('Äänestys on auki.');

    const night = noteByText(aino, 'Yöllä ei saa ketään kiinni');
    const give = night.getByRole('button', { name: /^Anna ääni/ });
    await give.click();
    await expect.poll(() => night.textContent(), UI).toContain('Omat äänesi: 1');
    await give.click();
    await expect.poll(() => night.textContent(), UI).toContain('Omat äänesi: 2');
    // The allowance is used: no more votes on any note, and the counts stay hidden.
    await expect.poll(() => give.isDisabled(), UI).toBe(true);
    expect(await noteByText(aino, 'Kukaan ei kerro').getByRole('button', { name: /^Anna ääni/ }).isDisabled()).toBe(true);
    expect(await night.locator('.vote__count').count()).toBe(0);
    // Taking one back frees a vote.
    await night.getByRole('button', { name: /^Ota ääni pois/ }).click();
    await expect.poll(() => give.isDisabled(), UI).toBe(false);
    await give.click();
    await expect.poll(() => voting.textContent(), UI).toContain('Annettu 2 ääntä');
    // Pekka votes once on his other note.
    await noteByText(pekka, 'Kukaan ei kerro').getByRole('button', { name: /^Anna ääni/ }).click();
    await expect.poll(() => voting.textContent(), UI).toContain('Annettu 3 ääntä');
    // Hidden counts: the columns keep their own order while the vote is open.
    expect(await inPekkaColumn(aino).first().textContent()).toContain('Kukaan ei kerro');

    await voting.getByRole('button', { name: 'Sulje äänestys' }).click();
    await expect.poll(() => night.locator('.vote__count').textContent(), UI).toBe('2 ääntä');
    await expect.poll(() => noteByText(pekka, 'Kukaan ei kerro').locator('.vote__count').textContent(), UI).toBe('1 ääni');
    expect(await night.getByRole('button', { name: /^Anna ääni/ }).count()).toBe(0);
    await expect.poll(() => inPekkaColumn(aino).first().textContent(), UI).toContain('Yöllä ei saa ketään kiinni');
    await expect.poll(() => inPekkaColumn(facilitator).first().textContent(), UI).toContain('Yöllä ei saa ketään kiinni');

    // Clearing asks first.
    await voting.getByRole('button', { name: 'Tyhjennä äänet' }).click();
    const dialog = facilitator.getByRole('dialog', { name: 'Tyhjennetäänkö äänet?' });
    await dialog.getByRole('button', { name: 'Tyhjennä äänet' }).click();
    await expect.poll(() => night.locator('.vote__count').textContent(), UI).toBe('0 ääntä');
  });

  it('axe finds no violations at all in the facilitator view with the controls open', async () => {
    for (const name of ['Ajastin', 'Lukitus ja näkyvyys', 'Äänestys']) await section(name);
    expect(await bar(facilitator).locator('details[open]').count()).toBe(3);
    expect(await axeViolations(facilitator)).toEqual([]);
  });

  it('making another task current, without bringing anyone: the participants are told where the others are', async () => {
    await openTask(facilitator, 'Tavoitteet');
    expect(await bar(facilitator).getByRole('status').textContent()).toBe('');
    await bar(facilitator).getByRole('button', { name: 'Tee tästä nykyinen tehtävä' }).click();
    await expect.poll(() => bar(facilitator).getByRole('status').textContent(), UI).toBe('Tämä on nykyinen tehtävä.');
    expect(await bar(facilitator).getByRole('button', { name: 'Tee tästä nykyinen tehtävä' }).count()).toBe(0);
    // Pekka was brought to another task and stays there, with the way to the current one.
    await expect.poll(() => pekka.locator('.task-panel__back').textContent(), UI).toContain('Tavoitteet');
    expect(await taskHeading(pekka).textContent()).toBe('Miksi ongelmat syntyvät?');
  });
});
