/** Builds export.json (docs/export-format.md) from a wall's doc, through the Wall accessors. */
import { EXPORT_FORMAT } from '../shared/protocol';
import type { WallExport } from '../shared/schemas';
import type { Wall } from '../shared/wall';

const iso = (ms: number) => new Date(ms).toISOString();

export function buildExport(wallId: string, wall: Wall, now: number = Date.now()): WallExport {
  const meta = wall.getMeta();
  const groups = wall.groups();
  const tasks = wall.process.tasks();
  // One pass over the notes: filtering per column would re-read every note for every column.
  const byColumn = new Map<string, ReturnType<Wall['notes']>>();
  const column = (taskId: string, groupId: string) => `${taskId}\u0000${groupId}`;
  for (const note of wall.notes()) {
    const key = column(note.taskId, note.groupId);
    const list = byColumn.get(key);
    if (list) list.push(note);
    else byColumn.set(key, [note]);
  }
  // Task by task, then group by group: the order in which the wall shows them.
  const notes = tasks.flatMap((task) =>
    groups.flatMap((group) =>
      (byColumn.get(column(task.id, group.id)) ?? []).map((note, position) => ({
        id: note.id,
        groupId: note.groupId,
        taskId: note.taskId,
        text: note.text,
        color: note.color,
        order: note.order,
        position,
        authorName: note.authorName,
        createdAt: iso(note.createdAt),
        updatedAt: iso(note.updatedAt),
      })),
    ),
  );
  return {
    format: EXPORT_FORMAT,
    exportedAt: iso(now),
    wall: { id: wallId, title: meta.title, language: meta.language, createdAt: iso(meta.createdAt) },
    workshops: wall.process.workshops().map((w) => ({
      id: w.id,
      title: w.title,
      tasks: wall.process.tasksIn(w.id).map((t) => ({ id: t.id, title: t.title, instructions: t.instructions })),
    })),
    groups: groups.map((g, position) => ({ id: g.id, name: g.name, order: g.order, position })),
    notes,
  };
}
