/**
 * The personal-data guard: a note with a henkilötunnus or a phone number is stopped with a
 * plain warning; posted anyway, it carries a mark the facilitator sees and can redact.
 * Also: an anonymous note stores no author id, yet its writer can still edit it here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { useBrowserSuite } from '../helpers/browserSuite';
import { connectClient, createWall, waitFor } from '../helpers/server';
import { addNote, joinAsParticipant, noteByText, axeViolations, submitNote } from '../helpers/wallPage';

const suite = useBrowserSuite();

let wall: Awaited<ReturnType<typeof createWall>>;
let facilitator: Page;
let aino: Page;

beforeAll(async () => {
  wall = await createWall(suite.server.url, { title: 'Henkilötiedot' });
  // bypassCSP: the axe scans inject a script the server's CSP would refuse.
  facilitator = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
  aino = await (await suite.chromium.newContext({ bypassCSP: true })).newPage();
  await facilitator.goto(wall.links.facilitator);
  await facilitator.locator('main section[data-group-id]').first().waitFor();
  await joinAsParticipant(aino, wall.links.participant, 'Aino', 'Ryhmä 1');
});

const warning = (page: Page) => page.getByTestId('personal-data-warning');

describe('the personal-data guard', () => {
  it('stops a note with a henkilötunnus, names the kind without repeating it, and lets the writer edit', async () => {
    await submitNote(aino, 'Asiakas 131052-308T odotti kolme kuukautta');
    await warning(aino).waitFor();
    const text = (await warning(aino).textContent()) ?? '';
    expect(text).toContain('henkilötunnus');
    expect(text).not.toContain('131052-308T');
    expect(await noteByText(aino, 'odotti kolme kuukautta').count()).toBe(0);

    await warning(aino).getByRole('button', { name: 'Muokkaa tekstiä' }).click();
    expect(await aino.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-note-text');
    await addNote(aino, 'Asiakas odotti kolme kuukautta');
    expect(await warning(aino).count()).toBe(0);
    await noteByText(facilitator, 'Asiakas odotti kolme kuukautta').waitFor();
    expect(await noteByText(facilitator, 'Asiakas odotti kolme kuukautta').getByTestId('personal-data-flag').count()).toBe(0);
  });

  it('does not stop the numbers of an experiment', async () => {
    await addNote(aino, 'Lähete nousi 12 % → 48 %, läpimenoaika 11 → 4 kk (2023–2025)');
    expect(await warning(aino).count()).toBe(0);
  });

  it('warns on a phone number; posted anyway, the facilitator sees the mark in words and redacts it', async () => {
    await submitNote(aino, 'Soita minulle 040 123 4567 niin kerron lisää');
    await warning(aino).waitFor();
    expect(await warning(aino).textContent()).toContain('puhelinnumero');
    expect(await axeViolations(aino)).toEqual([]);
    await warning(aino).getByRole('button', { name: 'Lähetä silti' }).click();
    await noteByText(aino, 'niin kerron lisää').waitFor();

    const card = noteByText(facilitator, 'niin kerron lisää');
    await card.waitFor();
    expect(await card.getByTestId('personal-data-flag').textContent()).toContain('Lapussa voi olla henkilötietoja');
    expect(await axeViolations(facilitator)).toEqual([]);
    await card.getByRole('button', { name: 'Poista henkilötiedot' }).click();

    await noteByText(aino, 'Soita minulle [poistettu] niin kerron lisää').waitFor({ timeout: 5_000 });
    expect(await noteByText(aino, '040 123 4567').count()).toBe(0);
    expect(await noteByText(facilitator, 'niin kerron lisää').getByTestId('personal-data-flag').count()).toBe(0);
  });

  it('checks an edited note too', async () => {
    const card = noteByText(aino, 'Asiakas odotti kolme kuukautta');
    await card.getByRole('button', { name: 'Muokkaa' }).click();
    await card.getByLabel('Lapun teksti').fill('Asiakas odotti, aino@example.fi');
    await card.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await card.getByTestId('personal-data-warning').waitFor();
    expect(await card.getByTestId('personal-data-warning').textContent()).toContain('sähköpostiosoite');
  });
});

describe('anonymous notes', () => {
  it('store no author id, and only the writer’s browser may edit them', async () => {
    const anon = await (await suite.chromium.newContext()).newPage();
    await joinAsParticipant(anon, wall.links.participant, null, 'Ryhmä 2');
    await addNote(anon, 'Nimetön havainto jonotuksesta');
    const own = noteByText(anon, 'Nimetön havainto jonotuksesta');
    expect(await own.textContent()).toContain('Kirjoittaja: nimetön');
    expect(await own.getByRole('button', { name: 'Muokkaa' }).count()).toBe(1);

    // Another participant cannot edit it.
    const other = noteByText(aino, 'Nimetön havainto jonotuksesta');
    await other.waitFor();
    expect(await other.getByRole('button', { name: 'Muokkaa' }).count()).toBe(0);

    // What the server holds: authorName null and no authorId at all.
    const client = connectClient(suite.server.url, wall.id, wall.tokens.facilitator);
    try {
      await client.synced;
      await waitFor(() => client.wall.notes().some((n) => n.text === 'Nimetön havainto jonotuksesta'));
      const note = client.wall.notes().find((n) => n.text === 'Nimetön havainto jonotuksesta')!;
      const raw = (client.doc.getMap('notes').get(note.id) as Y.Map<unknown>).toJSON();
      expect(raw.authorName).toBeNull();
      expect(raw).not.toHaveProperty('authorId');
    } finally {
      client.destroy();
    }

    // After a reload, this browser still knows the note is its own.
    await anon.reload();
    await noteByText(anon, 'Nimetön havainto jonotuksesta').getByRole('button', { name: 'Muokkaa' }).waitFor();
  });
});
