/**
 * The short follow-up feedback form the facilitator opens for participants some weeks after the
 * workshops. Answers appear in the facilitator's report.
 *
 *   survey    Y.Map  { open?: true }                 (facilitator only)
 *   feedback  Y.Map  answerId → Y.Map { heard, changed, comment?, respondentId, respondentRole?, createdAt }
 *
 * One answer per person: answering again replaces the earlier answer (the client deletes it in
 * the same transaction). respondentId is the device-local pseudonym votes use.
 */
import * as Y from 'yjs';
import { LIMITS } from './limits';
import { randomId } from './ids';
import { FEEDBACK_CHOICES, FeedbackAnswerRecord, type FeedbackChoice, type FeedbackQuestion, type ParticipantRole } from './schemas';
import { clip, readEntry, toYMap } from './ymaps';

export const FEEDBACK_MAX = 5_000;

export interface FeedbackAnswer {
  id: string;
  heard: FeedbackChoice;
  changed: FeedbackChoice;
  comment?: string;
  respondentId: string;
  respondentRole?: ParticipantRole;
  createdAt: number;
}

export interface FeedbackSummary {
  answers: number;
  counts: Record<FeedbackQuestion, Record<FeedbackChoice, number>>;
  comments: string[];
}

const zeroCounts = () => Object.fromEntries(FEEDBACK_CHOICES.map((c) => [c, 0])) as Record<FeedbackChoice, number>;

export class Feedback {
  constructor(
    readonly survey: Y.Map<unknown>,
    readonly map: Y.Map<Y.Map<unknown>>,
  ) {}

  isOpen(): boolean {
    return this.survey.get('open') === true;
  }

  setOpen(on: boolean): void {
    if (on) this.survey.set('open', true);
    else if (this.survey.has('open')) this.survey.delete('open');
  }

  answers(): FeedbackAnswer[] {
    const out: FeedbackAnswer[] = [];
    this.map.forEach((value, id) => {
      const a = readEntry(value, FeedbackAnswerRecord);
      if (a) out.push({ id, ...a });
    });
    return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  mine(respondentId: string): FeedbackAnswer | undefined {
    return this.answers().find((a) => a.respondentId === respondentId);
  }

  /** Saves this person's answer, replacing an earlier one. */
  answer(input: Omit<FeedbackAnswer, 'id' | 'createdAt'>, now: number = Date.now()): string | undefined {
    const previous = this.answers().filter((a) => a.respondentId === input.respondentId);
    if (previous.length === 0 && this.map.size >= FEEDBACK_MAX) return undefined;
    const id = randomId();
    const comment = input.comment ? clip(input.comment, LIMITS.noteTextMax) || undefined : undefined;
    this.map.doc!.transact(() => {
      for (const p of previous) this.map.delete(p.id);
      this.map.set(id, toYMap({ ...input, comment, respondentId: input.respondentId.slice(0, 64), createdAt: now }));
    });
    return id;
  }

  /** Puts back an answer as it was (import). */
  restore(answer: FeedbackAnswer): void {
    const { id, ...record } = answer;
    this.map.set(id, toYMap({ ...record }));
  }

  summary(): FeedbackSummary {
    const answers = this.answers();
    const counts = { heard: zeroCounts(), changed: zeroCounts() };
    for (const a of answers) {
      counts.heard[a.heard]++;
      counts.changed[a.changed]++;
    }
    return { answers: answers.length, counts, comments: answers.flatMap((a) => (a.comment ? [a.comment] : [])) };
  }
}
