import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncAnswers } from '../../server/rooms/roomSync';

/** A doc with many deletions (overwritten map values), as a wall with an edit history has. */
function editedDoc(): Y.Doc {
  const doc = new Y.Doc();
  const notes = doc.getMap<Y.Map<unknown>>('notes');
  for (let i = 0; i < 1000; i++) {
    const note = new Y.Map<unknown>();
    notes.set(`n${i}`, note);
    note.set('text', `idea ${i}`);
  }
  // Every other note's text overwritten once: deletions scattered over the clocks, one range each.
  for (let i = 0; i < 1000; i += 2) notes.get(`n${i}`)!.set('text', `idea ${i}, edited`);
  return doc;
}

/** What y-protocols sends back to our sync step 1 from a client doc. */
const replyTo = (server: Y.Doc, client: Y.Doc) => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));

describe('SyncAnswers.repeatsOwnDeleteSet', () => {
  it("knows a client's copy of the whole doc for a no-op, and nothing else", () => {
    const server = editedDoc();
    const answers = new SyncAnswers('wall', server);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const reply = replyTo(server, client);
    expect(reply.byteLength).toBeGreaterThan(1024); // past the size below which it is not worth it
    expect(answers.repeatsOwnDeleteSet(reply)).toBe(true);

    // The client deleted one more thing: the same length class of reply, but not ours.
    client.getMap<Y.Map<unknown>>('notes').get('n1')!.set('text', 'changed');
    expect(answers.repeatsOwnDeleteSet(replyTo(server, client))).toBe(false);
  });

  it('compares with the doc as it is now: after a change the old reply is no longer a copy', () => {
    const server = editedDoc();
    const answers = new SyncAnswers('wall', server);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const reply = replyTo(server, client);
    expect(answers.repeatsOwnDeleteSet(reply)).toBe(true);
    server.getMap<Y.Map<unknown>>('notes').delete('n3');
    answers.forget(); // what the room does on every change of its doc
    expect(answers.repeatsOwnDeleteSet(reply)).toBe(false);
  });

  it('leaves small replies to the analysis', () => {
    const server = new Y.Doc();
    server.getMap('notes').set('a', 1);
    server.getMap('notes').set('a', 2);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(new SyncAnswers('wall', server).repeatsOwnDeleteSet(replyTo(server, client))).toBe(false);
  });
});
