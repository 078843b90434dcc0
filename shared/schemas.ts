/**
 * zod schemas for every boundary that takes outside input. Server and client both use them.
 * Written in the functional style (functions instead of methods) that both zod builds share:
 * `#zod` gives the browser zod/mini, whose bundle carries only the checks used here, and Node
 * classic zod, whose compiled object parser is about 8x faster (see shared/zod/node.ts).
 */
import * as z from '#zod';
import { LIMITS } from './limits';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const TEMPLATES = ['four-workshops', 'blank'] as const;
export const Template = z.enum(TEMPLATES);
export type Template = z.infer<typeof Template>;

/** Wall ids are server-made: 22 base64url characters (128 random bits). */
export const WallId = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));
/** Tokens are server-made base64url strings; the bound keeps hashing cheap for garbage input. */
export const Token = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,128}$/));

export const WallParams = z.object({ id: WallId });
export const WsParams = z.object({ wallId: WallId });
export const WsQuery = z.object({ token: Token });

export const CreateWallBody = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.titleMax)),
  template: z.optional(Template),
  language: z.optional(Language),
});
export type CreateWallBody = z.infer<typeof CreateWallBody>;

export const RoleRecord = z.object({ facilitator: z.string(), participant: z.string(), viewer: z.string() });

export const CreateWallResponse = z.object({
  id: WallId,
  links: RoleRecord,
  tokens: RoleRecord,
});
export type CreateWallResponse = z.infer<typeof CreateWallResponse>;

export const WallInfo = z.object({
  id: WallId,
  title: z.string(),
  role: Role,
  language: z.optional(Language),
  /** The group a per-group participant link confines its holder to; null for the other links. */
  groupId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  /** When the server will delete the wall (ISO-8601), or null. */
  deleteAt: z.optional(z.nullable(z.string())),
});
export type WallInfo = z.infer<typeof WallInfo>;

export const HealthResponse = z.object({ status: z.literal('ok') });

/** Bearer token of GET /api/walls/:id and export.json. */
export const BearerHeader = z.string().check(z.regex(/^Bearer [A-Za-z0-9_-]{22,128}$/));

// ---- What the server reads back from storage ----

/** Tokens are stored only as lowercase hex SHA-256 hashes. */
export const TokenHash = z.string().check(z.regex(/^[0-9a-f]{64}$/));
export const StoredWall = z.object({
  id: WallId,
  title: z.string().check(z.maxLength(LIMITS.titleMax)),
  language: Language,
  tokenHashes: z.object({ facilitator: TokenHash, participant: TokenHash, viewer: TokenHash }),
  createdAt: z.int().check(z.nonnegative()),
});
export type StoredWall = z.infer<typeof StoredWall>;
export const StoredSeq = z.int().check(z.nonnegative());

export const ApiError = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;
export const NoteColor = z.enum(NOTE_COLORS);
export type NoteColor = z.infer<typeof NoteColor>;

/** What each client publishes in awareness. Anything else is ignored by readers. */
export const AwarenessUser = z.object({
  name: z.nullable(z.string().check(z.maxLength(LIMITS.displayNameMax))),
  groupId: z.nullable(z.string().check(z.maxLength(64))),
  role: Role,
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
});
export type AwarenessUser = z.infer<typeof AwarenessUser>;
export const AwarenessState = z.looseObject({ user: AwarenessUser });

// ---- Stored wall content, as read back from the Y.Doc (any client may have written it) ----

export const GroupRecord = z.object({
  name: z.string().check(z.maxLength(LIMITS.groupNameMax)),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
});
/** The experiment card's fields (the experiments task of the fourth workshop), each optional. */
const experimentFields = {
  owner: z.optional(z.string().check(z.maxLength(LIMITS.experimentFieldMax))),
  startDate: z.optional(z.string().check(z.maxLength(LIMITS.experimentFieldMax))),
  measure: z.optional(z.string().check(z.maxLength(LIMITS.experimentFieldMax))),
  baseline: z.optional(z.string().check(z.maxLength(LIMITS.experimentFieldMax))),
  target: z.optional(z.string().check(z.maxLength(LIMITS.experimentFieldMax))),
  result: z.optional(z.string().check(z.maxLength(LIMITS.experimentFieldMax))),
};

export const NoteRecord = z.object({
  groupId: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.maxLength(LIMITS.noteTextMax)),
  color: NoteColor,
  order: z.string().check(z.minLength(1), z.maxLength(200)),
  authorName: z.nullable(z.string().check(z.maxLength(LIMITS.displayNameMax))),
  /** Absent (or null) on anonymous notes: nothing ties them to a browser. */
  authorId: z.nullish(z.string().check(z.maxLength(64))),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Posted although it looked like personal data; older walls have no such field. */
  personalData: z.optional(z.boolean()),
  /** The task it answers. Walls made before workshops existed have none: their notes belong to the first task. */
  taskId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** Chosen to be carried forward to the next workshop. */
  chosen: z.optional(z.boolean()),
  /** The chosen note of an earlier workshop that this note continues. */
  originId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** Hidden by the facilitator (moderation): kept, shown only to the facilitator. */
  hidden: z.optional(z.boolean()),
  /** Experiment card fields, on notes of an experiments task. */
  ...experimentFields,
  /** The role the writer said they take part in (issue 5, the report only; never shown). */
  authorRole: z.catch(z.optional(z.lazy(() => ParticipantRole)), undefined),
});

// ---- The four-workshop process (issue 3) ----

/** What a workshop is for; the template's four phases, or a workshop the facilitator added. */
export const WORKSHOP_PHASES = ['current-state', 'root-causes', 'new-way', 'experiments', 'other'] as const;
export const WorkshopPhase = z.enum(WORKSHOP_PHASES);
export type WorkshopPhase = z.infer<typeof WorkshopPhase>;
export const WorkshopRecord = z.object({
  title: z.string().check(z.maxLength(LIMITS.titleMax)),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
  phase: z.catch(WorkshopPhase, 'other'),
});

/** A notes task collects sticky notes; an experiments task collects experiment cards. */
export const TASK_KINDS = ['notes', 'experiments'] as const;
export const TaskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKind>;
export const VOTE_STATES = ['off', 'open', 'closed'] as const;
export const VoteState = z.enum(VOTE_STATES);
export type VoteState = z.infer<typeof VoteState>;
export const TaskRecord = z.object({
  workshopId: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.maxLength(LIMITS.titleMax)),
  instructions: z.catch(z.string().check(z.maxLength(LIMITS.instructionsMax)), ''),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z.catch(TaskKind, 'notes'),
  locked: z.optional(z.boolean()),
  /** Participants' view shows only their own group's notes (a view setting, not access control). */
  privateWriting: z.optional(z.boolean()),
  voteState: z.optional(VoteState),
  votesPerPerson: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.votesPerPersonMax))),
  hideVoteCounts: z.optional(z.boolean()),
});

export const MIRROR_KINDS = ['quote', 'feedback', 'figure', 'link'] as const;
export const MirrorKind = z.enum(MIRROR_KINDS);
export type MirrorKind = z.infer<typeof MirrorKind>;
/** Only http(s) links: a javascript: URL in mirror material would run in everyone's browser. */
export const SafeUrl = z
  .string()
  .check(z.maxLength(LIMITS.urlMax), z.refine((s) => /^https?:\/\//i.test(s), { message: 'an http or https address' }));
export const MirrorRecord = z.object({
  taskId: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: MirrorKind,
  text: z.string().check(z.maxLength(LIMITS.mirrorTextMax)),
  url: z.catch(z.optional(SafeUrl), undefined),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const VoteRecord = z.object({
  taskId: z.string().check(z.minLength(1), z.maxLength(64)),
  noteId: z.string().check(z.minLength(1), z.maxLength(64)),
  voterId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The voter's role (issue 5, the report only). */
  voterRole: z.catch(z.optional(z.lazy(() => ParticipantRole)), undefined),
});

export const TIMER_STATES = ['idle', 'running', 'paused'] as const;
export const TimerState = z.enum(TIMER_STATES);
export type TimerState = z.infer<typeof TimerState>;
export const ServerTime = z.object({ now: z.number() });

// ---- export.json (docs/export-format.md) ----
// Fields added after the first layout are optional, so an older `pajaseina/1` export still imports.

/** A pseudonym (p1, p2, …) standing for one author/voter within one export: counts people, names nobody. */
export const ExportedPerson = z.nullable(z.string().check(z.regex(/^p\d{1,6}$/)));
export const ExportedRole = z.optional(z.lazy(() => ParticipantRole));
export const ExportedGroup = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)), name: z.string().check(z.maxLength(LIMITS.groupNameMax)), order: z.string().check(z.minLength(1), z.maxLength(200)), position: z.number() });
export const ExportedTask = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.maxLength(LIMITS.titleMax)),
  instructions: z.string().check(z.maxLength(LIMITS.instructionsMax)),
  kind: z.optional(TaskKind),
  locked: z.optional(z.boolean()),
  privateWriting: z.optional(z.boolean()),
  voteState: z.optional(VoteState),
  votesPerPerson: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.votesPerPersonMax))),
  hideVoteCounts: z.optional(z.boolean()),
});
export const ExportedWorkshop = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.maxLength(LIMITS.titleMax)),
  phase: z.optional(WorkshopPhase),
  tasks: z.array(ExportedTask).check(z.maxLength(LIMITS.tasksMax)),
});
export const ExportedExperiment = z.object(experimentFields);
export const ExportedNote = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  groupId: z.string().check(z.minLength(1), z.maxLength(64)),
  taskId: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.minLength(1), z.maxLength(LIMITS.noteTextMax)),
  color: NoteColor,
  order: z.string().check(z.minLength(1), z.maxLength(200)),
  position: z.number(),
  authorName: z.nullable(z.string().check(z.maxLength(LIMITS.displayNameMax))),
  createdAt: z.string(),
  updatedAt: z.string(),
  author: z.optional(ExportedPerson),
  authorRole: ExportedRole,
  votes: z.optional(z.int().check(z.nonnegative())),
  chosen: z.optional(z.boolean()),
  originId: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(64)))),
  hidden: z.optional(z.boolean()),
  personalData: z.optional(z.boolean()),
  experiment: z.optional(ExportedExperiment),
});
export const ExportedMirror = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  taskId: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: MirrorKind,
  text: z.string().check(z.maxLength(LIMITS.mirrorTextMax)),
  url: z.optional(SafeUrl),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
});
export const ExportedVote = z.object({
  taskId: z.string().check(z.minLength(1), z.maxLength(64)),
  noteId: z.string().check(z.minLength(1), z.maxLength(64)),
  voter: z.string().check(z.regex(/^p\d{1,6}$/)),
  voterRole: ExportedRole,
});
export const ExportedComment = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  noteId: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.minLength(1), z.maxLength(LIMITS.noteTextMax)),
  authorName: z.nullable(z.string().check(z.maxLength(LIMITS.displayNameMax))),
  author: ExportedPerson,
  authorRole: ExportedRole,
  createdAt: z.string(),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
});
export const ExportedReaction = z.object({
  noteId: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: z.lazy(() => ReactionKind),
  reactor: z.string().check(z.regex(/^p\d{1,6}$/)),
  reactorRole: ExportedRole,
});
export const ExportedFollowup = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.minLength(1), z.maxLength(LIMITS.mirrorTextMax)),
  url: z.optional(SafeUrl),
  createdAt: z.string(),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
});
export const ExportedFeedbackAnswer = z.object({
  heard: z.lazy(() => FeedbackChoice),
  changed: z.lazy(() => FeedbackChoice),
  comment: z.optional(z.string().check(z.maxLength(LIMITS.noteTextMax))),
  respondent: z.string().check(z.regex(/^p\d{1,6}$/)),
  respondentRole: ExportedRole,
  createdAt: z.string(),
});
export const ExportedControl = z.object({
  /** The follow-up feedback form is open (absent in older exports: closed). */
  feedbackOpen: z.optional(z.boolean()),
  locked: z.boolean(),
  frozen: z.boolean(),
  showAuthors: z.boolean(),
  reviewFeedback: z.boolean(),
  currentTaskId: z.nullable(z.string().check(z.maxLength(64))),
});
export const WallExport = z.object({
  format: z.string(),
  exportedAt: z.string(),
  wall: z.object({ id: z.string(), title: z.string().check(z.minLength(1), z.maxLength(LIMITS.titleMax)), language: Language, createdAt: z.string() }),
  workshops: z.array(ExportedWorkshop).check(z.maxLength(LIMITS.workshopsMax)),
  groups: z.array(ExportedGroup).check(z.maxLength(LIMITS.groupsMax)),
  notes: z.array(ExportedNote).check(z.maxLength(LIMITS.notesMax)),
  control: z.optional(ExportedControl),
  mirror: z.optional(z.array(ExportedMirror).check(z.maxLength(LIMITS.mirrorMax))),
  votes: z.optional(z.array(ExportedVote).check(z.maxLength(LIMITS.votesMax))),
  comments: z.optional(z.array(ExportedComment).check(z.maxLength(10_000))),
  reactions: z.optional(z.array(ExportedReaction).check(z.maxLength(50_000))),
  followups: z.optional(z.array(ExportedFollowup).check(z.maxLength(LIMITS.mirrorMax))),
  feedback: z.optional(z.array(ExportedFeedbackAnswer).check(z.maxLength(5_000))),
});
export type WallExport = z.infer<typeof WallExport>;

// ---- Access administration (issue 4): rotation, group links, deletion, retention ----

/** A group's id as the Y.Doc holds it. The server checks only its shape; groups live in the doc. */
export const GroupId = z.string().check(z.minLength(1), z.maxLength(64));

/** Roles whose link the facilitator may replace. The facilitator's own link cannot be rotated. */
export const ROTATABLE_ROLES = ['participant', 'viewer'] as const;
export const RotateTokenBody = z.strictObject({ role: z.enum(ROTATABLE_ROLES), groupId: z.optional(GroupId) }).check(
  z.refine((b) => b.groupId === undefined || b.role === 'participant', {
    message: 'a group link is a participant link',
    path: ['role'],
  }),
);
export type RotateTokenBody = z.infer<typeof RotateTokenBody>;
export const RotateTokenResponse = z.object({ token: z.string(), link: z.string() });
export type RotateTokenResponse = z.infer<typeof RotateTokenResponse>;

export const GroupLinkBody = z.strictObject({ groupId: GroupId });
export const GroupLinkResponse = z.object({ groupId: GroupId, token: z.string(), link: z.string() });
export type GroupLinkResponse = z.infer<typeof GroupLinkResponse>;

/** ISO-8601 with a time zone (Z or an offset), so "when" never depends on the server's zone. */
export const RetentionBody = z.strictObject({
  deleteAt: z.nullable(z.iso.datetime({ offset: true }).check(z.refine((s) => Date.parse(s) >= 0, { message: 'a date after 1970' }))),
});
export const RetentionResponse = z.object({ deleteAt: z.nullable(z.string()) });
export type RetentionResponse = z.infer<typeof RetentionResponse>;

/** The error code of POST /api/walls without the right organiser key (the client asks for it). */
export const ORGANISER_KEY_REQUIRED = 'organiser_key_required';

/** Per-group link token hashes as stored: group id → SHA-256 hex. */
export const StoredGroupTokenHashes = z.record(GroupId, TokenHash);
export const StoredDeleteAt = z.nullable(z.int().check(z.nonnegative()));

// ---- Short join codes for the projector (server/joinCodes.ts, server/http/joinCodes.ts) ----

/** Letters and digits nobody mixes up when reading them off a screen: no 0/O, 1/I. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** "K7Q-4PX": six characters of the alphabet with a dash in the middle; lower case is accepted. */
export const JoinCode = z.pipe(
  z.string().check(z.regex(/^[2-9A-HJ-NP-Za-hj-np-z]{3}-?[2-9A-HJ-NP-Za-hj-np-z]{3}$/)),
  z.transform((s: string) => `${s.replace('-', '').slice(0, 3)}-${s.replace('-', '').slice(3)}`.toUpperCase()),
);
export const JoinCodeParams = z.object({ code: JoinCode });
export const JoinCodeBody = z.strictObject({ participantToken: Token });
export type JoinCodeBody = z.infer<typeof JoinCodeBody>;
export const JoinCodeResponse = z.object({ code: z.string(), expiresAt: z.string() });
export type JoinCodeResponse = z.infer<typeof JoinCodeResponse>;

// ---- After the workshop (issue 5): roles for the report, comments, reactions, follow-ups, import ----

/**
 * In which role someone takes part, said at join and stored on what they write (notes, votes,
 * comments, reactions) for the facilitator's report only. Never shown on the wall. Absent = did
 * not say.
 */
export const PARTICIPANT_ROLES = ['client', 'expert-by-experience', 'relative', 'professional', 'manager', 'facilitator', 'other'] as const;
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const CommentRecord = z.object({
  noteId: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.minLength(1), z.maxLength(LIMITS.noteTextMax)),
  authorName: z.nullable(z.string().check(z.maxLength(LIMITS.displayNameMax))),
  authorId: z.nullish(z.string().check(z.maxLength(64))),
  authorRole: z.catch(z.optional(ParticipantRole), undefined),
  createdAt: z.number(),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** "I agree" and "I recognise this" (from my own experience) are separate reactions. */
export const REACTION_KINDS = ['agree', 'recognise'] as const;
export const ReactionKind = z.enum(REACTION_KINDS);
export type ReactionKind = z.infer<typeof ReactionKind>;
export const ReactionRecord = z.object({
  noteId: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: ReactionKind,
  reactorId: z.string().check(z.minLength(1), z.maxLength(64)),
  reactorRole: z.catch(z.optional(ParticipantRole), undefined),
});

export const FollowupRecord = z.object({
  text: z.string().check(z.minLength(1), z.maxLength(LIMITS.mirrorTextMax)),
  url: z.catch(z.optional(SafeUrl), undefined),
  createdAt: z.number(),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
});

// ---- Follow-up feedback form (issue 5) ----

export const FEEDBACK_CHOICES = ['yes', 'partly', 'no', 'unsure'] as const;
export const FeedbackChoice = z.enum(FEEDBACK_CHOICES);
export type FeedbackChoice = z.infer<typeof FeedbackChoice>;
/** The two questions of the follow-up form, each answered with a FeedbackChoice. */
export const FEEDBACK_QUESTIONS = ['heard', 'changed'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];
export const FeedbackAnswerRecord = z.object({
  heard: FeedbackChoice,
  changed: FeedbackChoice,
  comment: z.optional(z.string().check(z.maxLength(LIMITS.noteTextMax))),
  respondentId: z.string().check(z.minLength(1), z.maxLength(64)),
  respondentRole: z.catch(z.optional(ParticipantRole), undefined),
  createdAt: z.number(),
});
