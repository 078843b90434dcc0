/**
 * The unsaved notes carried over the reload that follows a refused change, in this tab's
 * sessionStorage: the reload drops the page's copy of the wall, and with it the only place the
 * text was. Kept until the person dismisses the list or every note is on the wall again; gone
 * when the tab closes. Read back validated: storage is outside input too.
 */
import * as z from 'zod/mini';
import { LIMITS } from '../../shared/limits';
import { ExportedExperiment, NoteColor } from '../../shared/schemas';
import type { UnsavedNote } from './unsavedNotes';

const Carried = z.array(
  z.object({
    id: z.string().check(z.maxLength(64)),
    text: z.string().check(z.maxLength(LIMITS.noteTextMax)),
    group: z.string().check(z.maxLength(LIMITS.titleMax)),
    task: z.string().check(z.maxLength(LIMITS.titleMax)),
    groupId: z.string().check(z.maxLength(64)),
    taskId: z.string().check(z.maxLength(64)),
    color: NoteColor,
    personalData: z.boolean(),
    // A card's fields as the export format has them: each optional, each within its limit.
    experiment: z.optional(ExportedExperiment),
  }),
);

const key = (wallId: string) => `pajaseina:wall:${wallId}:unsaved`;

export function readCarried(wallId: string): UnsavedNote[] {
  try {
    const raw = sessionStorage.getItem(key(wallId));
    const parsed = Carried.safeParse(raw === null ? [] : JSON.parse(raw));
    return parsed.success ? parsed.data.slice(0, LIMITS.notesMax) : [];
  } catch {
    return []; // storage disabled, or not JSON
  }
}

export function writeCarried(wallId: string, notes: readonly UnsavedNote[]): void {
  try {
    if (notes.length === 0) sessionStorage.removeItem(key(wallId));
    else sessionStorage.setItem(key(wallId), JSON.stringify(notes.slice(0, LIMITS.notesMax)));
  } catch {
    // Storage full or disabled: the list still shows until the reload.
  }
}
