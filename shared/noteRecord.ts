/**
 * A note's stored record, read the way `NoteRecord.safeParse` reads it, without zod for the
 * usual record. zod took about a tenth of a 2,000-note wall's first render in the browser. Every
 * note is still checked: a record whose fields are all plainly what the schema asks for is
 * copied field by field here; anything else (a missing, extra-long or odd-typed field) is
 * left to zod, so the verdict and the result are zod's in every case
 * (tests/unit/noteRecord.test.ts compares the two).
 */
import { LIMITS } from './limits';
import { NOTE_COLORS, NoteRecord, PARTICIPANT_ROLES } from './schemas';

export type NoteRecordData = ReturnType<typeof NoteRecord.parse>;

const COLORS: ReadonlySet<unknown> = new Set(NOTE_COLORS);
const ROLES: ReadonlySet<unknown> = new Set(PARTICIPANT_ROLES);

const str = (v: unknown, min: number, max: number): boolean => typeof v === 'string' && v.length >= min && v.length <= max;
const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const optionalId = (v: unknown): boolean => v === undefined || str(v, 1, 64);
const optionalBool = (v: unknown): boolean => v === undefined || typeof v === 'boolean';
const optionalText = (v: unknown): boolean => v === undefined || str(v, 0, LIMITS.experimentFieldMax);

/** The optional fields in the schema's order, each with its check: one list for both the checks and the copy. */
const OPTIONAL_FIELDS = {
  personalData: optionalBool,
  taskId: optionalId,
  chosen: optionalBool,
  originId: optionalId,
  hidden: optionalBool,
  owner: optionalText,
  startDate: optionalText,
  measure: optionalText,
  baseline: optionalText,
  target: optionalText,
  result: optionalText,
} as const;
const OPTIONAL_KEYS = Object.keys(OPTIONAL_FIELDS) as (keyof typeof OPTIONAL_FIELDS)[];

/** The record as NoteRecord gives it, or undefined where it refuses it. */
export function readNoteRecord(raw: unknown): NoteRecordData | undefined {
  const quick = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? plainRecord(raw as Record<string, unknown>) : undefined;
  if (quick) return quick;
  const parsed = NoteRecord.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The record when every field is plainly valid; undefined means "ask zod", not "invalid". */
function plainRecord(r: Record<string, unknown>): NoteRecordData | undefined {
  if (
    !str(r.groupId, 1, 64) ||
    !str(r.text, 0, LIMITS.noteTextMax) ||
    !COLORS.has(r.color) ||
    !str(r.order, 1, 200) ||
    !(r.authorName === null || str(r.authorName, 0, LIMITS.displayNameMax)) ||
    !(r.authorId === undefined || r.authorId === null || str(r.authorId, 0, 64)) ||
    !finite(r.createdAt) ||
    !finite(r.updatedAt)
  ) {
    return undefined;
  }
  for (const k of OPTIONAL_KEYS) if (!OPTIONAL_FIELDS[k](r[k])) return undefined;
  // In the schema's order, an optional key only where the record has it: as zod builds it.
  const out: Record<string, unknown> = {
    groupId: r.groupId,
    text: r.text,
    color: r.color,
    order: r.order,
    authorName: r.authorName,
  };
  if ('authorId' in r) out.authorId = r.authorId;
  out.createdAt = r.createdAt;
  out.updatedAt = r.updatedAt;
  for (const k of OPTIONAL_KEYS) if (k in r) out[k] = r[k];
  // The schema catches an unknown role as "did not say".
  if ('authorRole' in r) out.authorRole = ROLES.has(r.authorRole) ? r.authorRole : undefined;
  return out as NoteRecordData;
}
