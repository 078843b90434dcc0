/**
 * The facilitator's share dialog against the real server: a new participant link cuts off a
 * page that used the old one; a group link fixes its holder's group; a deletion date shows to
 * participants; deleting the wall tells an open participant page and offers to drop its copy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CloseCode } from '../../shared/protocol';
import { useBrowserSuite } from '../helpers/browserSuite';
import { createWall } from '../helpers/server';
import { addNote, column, expectRefused, joinAsParticipant, openShareDialog, axeViolations } from '../helpers/wallPage';

const suite = useBrowserSuite();

let wall: Awaited<ReturnType<typeof createWall>>;
let facilitator: Page;
let dialog: Locator;
/** The participant link after rotation. */
let participantLink: string;

async function newPage(): Promise<Page> {
  return (await suite.chromium.newContext({ bypassCSP: true })).newPage();
}

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Jakotesti' });
  facilitator = await newPage();
  await facilitator.goto(wall.links.facilitator);
  await facilitator.locator('main section[data-group-id]').first().waitFor();
  dialog = await openShareDialog(facilitator);
});

describe('the share dialog', () => {
  it('has no axe violations', async () => {
    expect(await axeViolations(facilitator)).toEqual([]);
  });

  it('a new participant link cuts off the page that used the old one', async () => {
    const old = await newPage();
    await joinAsParticipant(old, wall.links.participant, 'Vanha', 'Ryhmä 1');

    await dialog.getByRole('button', { name: 'Luo uusi osallistujan linkki' }).click();
    const confirm = facilitator.getByRole('dialog', { name: 'Luodaanko uusi linkki?' });
    expect(await confirm.textContent()).toContain('Vanha linkki lakkaa toimimasta heti kaikilta');
    await confirm.getByRole('button', { name: 'Luo uusi linkki' }).click();

    const input = dialog.locator('input[data-link-role="participant"]');
    await input.waitFor();
    const fresh = await input.inputValue();
    participantLink = fresh;
    expect(fresh).not.toBe(wall.links.participant);

    await expectRefused(old, CloseCode.Unauthorized);
    expect(await old.getByTestId('status').textContent()).toContain('Pyydä ohjaajalta uusi linkki');

    const joined = await newPage();
    await joinAsParticipant(joined, fresh, 'Uusi', 'Ryhmä 1');
  });

  it('a group link fixes its holder to one group; the others are read-only', async () => {
    const row = dialog.locator('[data-group-link="Ryhmä 2"]');
    await row.getByRole('button', { name: 'Luo linkki ryhmälle Ryhmä 2' }).click();
    const link = await row.getByLabel('Ryhmän Ryhmä 2 linkki').inputValue();

    const member = await newPage();
    await member.goto(link);
    await member.getByTestId('fixed-group').getByText('Ryhmäsi on Ryhmä 2').waitFor();
    expect(await member.getByRole('radio').count()).toBe(0);
    await member.getByLabel('Nimi, joka näkyy muille').fill('Ryhmäläinen');
    await member.getByRole('button', { name: 'Siirry seinälle' }).click();
    await addNote(member, 'Ryhmän kakkosen lappu');
    expect(await column(member, 'Ryhmä 2').locator('article', { hasText: 'Ryhmän kakkosen lappu' }).count()).toBe(1);
    expect(await column(member, 'Ryhmä 1').getByRole('button', { name: /Kirjoita lappu ryhmään/ }).count()).toBe(0);
    expect(await column(member, 'Ryhmä 1').getByTestId('add-note-text').count()).toBe(0);
    expect(await member.getByRole('button', { name: 'Vaihda nimi tai ryhmä' }).count()).toBe(1);
    expect(await axeViolations(member)).toEqual([]);
  });

  it('a deletion date is saved and shown to participants in their date format', async () => {
    const day = new Date(Date.now() + 30 * 86_400_000);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    await dialog.getByLabel('Seinä poistetaan palvelimelta tänä päivänä').fill(iso);
    await dialog.getByRole('button', { name: 'Tallenna poistopäivä' }).click();
    const expected = new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'long', year: 'numeric' }).format(day);
    await dialog.getByTestId('retention-current').getByText(`Seinä poistetaan ${expected}.`).waitFor();

    const viewer = await newPage();
    await viewer.goto(wall.links.viewer);
    await viewer.getByTestId('delete-notice').getByText(`Seinä poistetaan ${expected}.`).waitFor();
  });

  it('deleting needs the exact title; an open participant page is told and can drop its copy', async () => {
    const viewer = await newPage();
    await joinAsParticipant(viewer, participantLink, 'Lopussa', 'Ryhmä 1');

    await dialog.getByRole('button', { name: 'Poista seinä' }).click();
    const confirm = facilitator.getByRole('dialog', { name: 'Poistetaanko seinä Jakotesti?' });
    expect(await confirm.textContent()).toContain('poistetaan palvelimelta lopullisesti');
    await confirm.getByLabel(/Vahvista kirjoittamalla seinän nimi/).fill('Jako');
    await confirm.getByRole('button', { name: 'Poista seinä lopullisesti' }).click();
    await confirm.getByRole('alert').getByText('Kirjoita seinän nimi täsmälleen samoin kuin yllä.').waitFor();

    await confirm.getByLabel(/Vahvista kirjoittamalla seinän nimi/).fill('Jakotesti');
    await confirm.getByRole('button', { name: 'Poista seinä lopullisesti' }).click();
    await facilitator.getByText('Seinä on poistettu palvelimelta ja tältä laitteelta.').waitFor();

    await expectRefused(viewer, CloseCode.WallDeleted);
    expect(await viewer.getByTestId('status').textContent()).toContain('Ohjaaja on poistanut tämän seinän');
    await viewer.getByRole('button', { name: 'Poista seinän kopio tältä laitteelta' }).click();
    await viewer.getByText('Seinän kopio on poistettu tältä laitteelta.').first().waitFor();
    expect(await viewer.evaluate(() => localStorage.getItem('pajaseina:walls'))).not.toContain('Jakotesti');
  });
});
