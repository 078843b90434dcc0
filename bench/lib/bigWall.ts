/**
 * The wall the client benches open in Chromium: `notes` notes in the first group, written by one
 * client, optionally with a dot vote open in the first task. Resolves once the server holds every
 * note: otherwise the page's first request queues behind the server storing the big update, and
 * that time is the server's, not the client's.
 */
import { Wall } from '../../shared/wall';
import { connectMany, withTimeout } from './connectMany';
import type { BenchClient, BenchServer } from './servers';

export interface BigWall {
  wall: { id: string; token: string };
  writer: BenchClient;
  model: Wall;
  ids: string[];
}

export async function openBigWall(server: BenchServer, notes: number, voting = false): Promise<BigWall> {
  const wall = await server.newWall();
  const [writer] = await connectMany(server, wall, 1);
  const model = new Wall(writer!.doc);
  const group = model.groups()[0]!.id;
  if (voting) model.process.setVoting(model.process.firstTaskId()!, { state: 'open' });
  const ids: string[] = [];
  writer!.doc.transact(() => {
    for (let i = 0; i < notes; i++) {
      const id = model.addNote({ groupId: group, text: `Idea ${i}`, color: 'yellow', authorName: null, authorId: null });
      if (id) ids.push(id);
    }
  });
  const [checker] = await connectMany(server, wall, 1);
  await withTimeout(
    new Promise<void>((resolve) => {
      const stored = () => new Wall(checker!.doc).notes().length >= ids.length;
      if (stored()) return resolve();
      checker!.doc.on('update', () => stored() && resolve());
    }),
    60_000,
    'the server to hold every note',
  );
  checker!.destroy();
  return { wall, writer: writer!, model, ids };
}
