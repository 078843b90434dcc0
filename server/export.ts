/** Builds export.json (docs/export-format.md) from a wall's doc, through the Wall accessors. */
import { EXPORT_FORMAT } from '../shared/protocol';
import type { WallExport } from '../shared/schemas';
import type { Wall } from '../shared/wall';

const iso = (ms: number) => new Date(ms).toISOString();

export function buildExport(wallId: string, wall: Wall, now: number = Date.now()): WallExport {
  const meta = wall.getMeta();
  const groups = wall.groups();
  // One pass over the notes: notesIn() per group would re-read every note for every group.
  const byGroup = new Map(groups.map((g) => [g.id, [] as ReturnType<Wall['notes']>]));
  for (const note of wall.notes()) byGroup.get(note.groupId)?.push(note);
  const notes = groups.flatMap((group) =>
    (byGroup.get(group.id) ?? []).map((note, position) => ({
      id: note.id,
      groupId: note.groupId,
      text: note.text,
      color: note.color,
      order: note.order,
      position,
      authorName: note.authorName,
      createdAt: iso(note.createdAt),
      updatedAt: iso(note.updatedAt),
    })),
  );
  return {
    format: EXPORT_FORMAT,
    exportedAt: iso(now),
    wall: { id: wallId, title: meta.title, language: meta.language, createdAt: iso(meta.createdAt) },
    groups: groups.map((g, position) => ({ id: g.id, name: g.name, order: g.order, position })),
    notes,
  };
}
