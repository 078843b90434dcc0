/**
 * Write scopes over a real server with stock y-websocket clients, and group links over a real
 * Room (the HTTP side hands out group links separately): a refused update closes its sender
 * 4403, is neither stored nor applied nor relayed, and nobody else notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { GroupLinkResponse } from '../../shared/schemas';
import { Wall } from '../../shared/wall';
import { memoryRoom, updatesSent } from '../helpers/memoryRoom';
import { connectClient, createWall, noteTexts, sleep, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

describe('participants on a real server', () => {
  let server: TestServer;
  let wallId: string;
  let tokens: { facilitator: string; participant: string; viewer: string };
  let facilitator: TestClient;
  const clients: TestClient[] = [];
  const join = async (token: string) => {
    const c = connectClient(server.url, wallId, token);
    clients.push(c);
    await c.synced;
    return c;
  };
  const lastSeq = async () => (await server.app.store.loadState(wallId)).lastSeq;

  beforeAll(async () => {
    server = await startServer();
    ({ id: wallId, tokens } = await createWall(server.url));
    facilitator = await join(tokens.facilitator);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('add, edit, recolour, move and delete notes: all reach the facilitator, the participant stays', async () => {
    const p = await join(tokens.participant);
    const [g1, g2] = p.wall.groups();
    const id = p.wall.addNote({ groupId: g1!.id, text: 'eka', color: 'yellow', authorName: 'Aino', authorId: 'a' })!;
    const gone = p.wall.addNote({ groupId: g1!.id, text: 'poistuva', color: 'yellow', authorName: null, authorId: 'a' })!;
    p.wall.updateNoteText(id, 'muokattu');
    p.wall.setNoteColor(id, 'pink');
    p.wall.moveNote(id, g2!.id, 0);
    p.wall.restoreNote(p.wall.deleteNote(gone)!);
    p.wall.deleteNote(gone);
    await waitFor(() => facilitator.wall.notesIn(g2!.id).some((n) => n.text === 'muokattu' && n.color === 'pink'));
    await waitFor(() => !facilitator.wall.getNote(gone));
    expect(p.closes).toEqual([]);
  });

  const forbidden: [string, (c: TestClient) => void][] = [
    ['renames a group', (c) => c.wall.renameGroup(c.wall.groups()[0]!.id, 'Kaapattu')],
    ['changes the title', (c) => c.wall.setTitle('Kaapattu')],
    ['adds a group', (c) => c.wall.addGroup('Oma ryhmä')],
    ['deletes a group with its notes', (c) => c.wall.removeGroup(c.wall.groups()[2]!.id)],
  ];
  for (const [name, edit] of forbidden) {
    it(`a participant who ${name} is closed 4403; nothing stored, the others unaffected`, async () => {
      const p = await join(tokens.participant);
      const before = await lastSeq();
      const groupsBefore = facilitator.wall.groups();
      edit(p);
      await waitFor(() => p.closes.length > 0, 5_000, 'participant closed');
      expect(p.closes[0]!.code).toBe(CloseCode.Forbidden);
      expect(p.closes[0]!.reason).toMatch(/participants may not change/);
      await sleep(100);
      expect(await lastSeq()).toBe(before);
      expect(facilitator.wall.groups()).toEqual(groupsBefore);
      expect(facilitator.wall.getMeta().title).toBe('Testiseinä');
      expect(facilitator.closes).toEqual([]);
      // The refused client stays refused: the stock provider does not retry a 44xx.
      await sleep(300);
      expect(p.closes).toHaveLength(1);
    });
  }

  it('the facilitator may do all of it', async () => {
    facilitator.wall.setTitle('Uusi otsikko');
    facilitator.wall.renameGroup(facilitator.wall.groups()[0]!.id, 'Uusi nimi');
    facilitator.wall.addGroup('Neljäs');
    const fresh = await join(tokens.viewer);
    await waitFor(() => fresh.wall.getMeta().title === 'Uusi otsikko' && fresh.wall.groups().length === 4);
    expect(facilitator.closes).toEqual([]);
  });
});

describe('a group link on a real server (POST /api/walls/:id/group-links)', () => {
  it('a stock client writes in its group; a note into another group closes it 4403', async () => {
    const server = await startServer();
    try {
      const { id, tokens } = await createWall(server.url);
      const facilitator = connectClient(server.url, id, tokens.facilitator);
      await facilitator.synced;
      const [g1, g2] = facilitator.wall.groups().map((g) => g.id) as [string, string];
      const res = await fetch(`${server.url}/api/walls/${id}/group-links`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.facilitator}`, 'content-type': 'application/json' },
        body: JSON.stringify({ groupId: g1 }),
      });
      const { token } = GroupLinkResponse.parse(await res.json());
      const member = connectClient(server.url, id, token);
      await member.synced;
      member.wall.addNote({ groupId: g1, text: 'oma ryhmä', color: 'green', authorName: null, authorId: null });
      await waitFor(() => facilitator.wall.notesIn(g1).length === 1);
      member.wall.addNote({ groupId: g2, text: 'vieras ryhmä', color: 'green', authorName: null, authorId: null });
      await waitFor(() => member.closes.length > 0);
      expect(member.closes[0]!.code).toBe(CloseCode.Forbidden);
      await sleep(100);
      expect(facilitator.wall.notesIn(g2)).toEqual([]);
      expect(facilitator.closes).toEqual([]);
      member.destroy();
      facilitator.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('a group link on a real Room', () => {
  it('writes in its own group; anything touching another group is refused and goes nowhere', async () => {
    const { connect, groups, roomWall, storedUpdates } = await memoryRoom();
    const [g1, g2] = groups;
    const observer = connect({ role: 'facilitator', groupId: null });
    const own = connect({ role: 'participant', groupId: g1 });
    const mine = own.wall.notesIn(g1)[0]!.id;

    own.edit((w) => w.addNote({ groupId: g1, text: 'ryhmän oma', color: 'green', authorName: null, authorId: 'g' }));
    own.edit((w) => w.updateNoteText(mine, 'muokattu'));
    // Both edits reach the observer (in one merged frame or two, as the relay batched them).
    const observed = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(observer.wall.doc));
      for (const update of updatesSent(observer.socket)) Y.applyUpdate(doc, update);
      return noteTexts(new Wall(doc));
    };
    await waitFor(() => observed().includes('ryhmän oma') && observed().includes('muokattu'));
    expect(own.socket.closedWith).toBeNull();
    expect(noteTexts(roomWall)).toContain('ryhmän oma');

    const attempts: [string, (w: typeof own.wall) => void][] = [
      ['note in another group', (w) => w.addNote({ groupId: g2, text: 'vieras', color: 'green', authorName: null, authorId: 'g' })],
      ['move out', (w) => w.moveNote(mine, g2, 0)],
      ['edit another group', (w) => w.updateNoteText(w.notesIn(g2)[0]!.id, 'kaapattu')],
      ['delete in another group', (w) => w.deleteNote(w.notesIn(g2)[0]!.id)],
      ['rename own group', (w) => w.renameGroup(g1, 'Oma')],
    ];
    for (const [name, attempt] of attempts) {
      const before = await storedUpdates();
      const relayed = updatesSent(observer.socket).length;
      const p = connect({ role: 'participant', groupId: g1 });
      p.edit(attempt);
      await waitFor(() => p.socket.closedWith !== null, 2_000, name);
      expect(p.socket.closedWith!.code, name).toBe(CloseCode.Forbidden);
      await sleep(20);
      expect(await storedUpdates(), name).toBe(before);
      expect(updatesSent(observer.socket), name).toHaveLength(relayed);
    }
    expect(observer.socket.closedWith).toBeNull();
    expect(own.socket.closedWith).toBeNull();
    expect(roomWall.notesIn(g2).map((n) => n.text)).toEqual(['lappu Kaksi']);
    expect(roomWall.getGroup(g1)!.name).toBe('Yksi');
  });
});
