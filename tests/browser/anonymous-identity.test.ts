/**
 * Anonymous notes cannot be linked to a name through Yjs client ids: every item in a Y.Doc
 * carries its writer's client id, and presence shows that id beside the name. Switching from a
 * name to anonymous therefore starts a fresh page with a fresh client id.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useBrowserSuite } from '../helpers/browserSuite';
import { createWall, waitFor } from '../helpers/server';
import { addNote, joinAsParticipant } from '../helpers/wallPage';

const suite = useBrowserSuite();

/** The client id that wrote each note's text, read from what the server stored. */
async function textWriters(wallId: string): Promise<Map<string, number>> {
  const { updates } = await suite.server.app.store.loadState(wallId);
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  const writers = new Map<string, number>();
  doc.getMap<Y.Map<unknown>>('notes').forEach((note) => {
    const item = note._map.get('text');
    if (item) writers.set(String(note.get('text')), item.id.client);
  });
  return writers;
}

describe('switching from a name to anonymous', () => {
  it('writes the anonymous notes under a client id never shown with the name', async () => {
    const wall = await createWall(suite.server.url, { title: 'Nimettömyys' });
    const page = await (await suite.chromium.newContext()).newPage();
    await joinAsParticipant(page, wall.links.participant, 'Aino', 'Ryhmä 1');
    await addNote(page, 'Kirjoitettu omalla nimellä');

    await page.getByRole('button', { name: 'Vaihda nimi tai ryhmä' }).click();
    await page.getByLabel('Osallistun nimettömänä').check();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Tallenna', exact: true }).click()]);
    await page.locator('main section[data-group-id]').first().waitFor();
    await addNote(page, 'Kirjoitettu nimettömänä');

    await waitFor(async () => (await textWriters(wall.id)).size === 2, 5_000, 'both notes stored');
    const writers = await textWriters(wall.id);
    const named = writers.get('Kirjoitettu omalla nimellä');
    const anonymous = writers.get('Kirjoitettu nimettömänä');
    expect(named).toBeTypeOf('number');
    expect(anonymous).toBeTypeOf('number');
    expect(anonymous).not.toBe(named);
    // And the anonymous note itself names nobody.
    const exported = await (await fetch(`${suite.server.url}/api/walls/${wall.id}/export.json`, { headers: { authorization: `Bearer ${wall.tokens.viewer}` } })).json();
    const note = exported.notes.find((n: { text: string }) => n.text === 'Kirjoitettu nimettömänä');
    expect(note.authorName).toBeNull();
  });
});
